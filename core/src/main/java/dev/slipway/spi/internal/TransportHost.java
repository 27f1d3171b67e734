package dev.slipway.spi.internal;

import static java.util.Objects.requireNonNull;

import dev.slipway.BatchFailedException;
import dev.slipway.BatchTimeoutException;
import dev.slipway.Batch;
import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.CommandTimeoutException;
import dev.slipway.FileInfo;
import dev.slipway.FileOperationException;
import dev.slipway.Host;
import dev.slipway.HostContext;
import dev.slipway.Operation;
import dev.slipway.Secret;
import dev.slipway.SlipwayException;
import dev.slipway.event.CommandEvent;
import dev.slipway.event.CommandEvent.Outcome;
import dev.slipway.event.Event;
import dev.slipway.event.EventListener;
import dev.slipway.event.OutputEvent;
import dev.slipway.internal.ScriptCompiler;
import dev.slipway.spi.ExecRequest;
import dev.slipway.spi.ExecResult;
import dev.slipway.spi.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link Host} implementation over a {@link Transport}: renders commands, applies dry-run,
 * masks secrets, and reports events. Immutable; views share the transport.
 */
public final class TransportHost implements Host {
  private static final Logger log = LoggerFactory.getLogger(Host.class);

  private final String name;
  private final Transport transport;
  private final HostContext context;
  private final List<EventListener> listeners;

  public TransportHost(String name, Transport transport) {
    this(name, transport, HostContext.NONE, List.of());
  }

  private TransportHost(String name, Transport transport, HostContext context, List<EventListener> listeners) {
    this.name = requireNonNull(name, "name");
    this.transport = requireNonNull(transport, "transport");
    this.context = requireNonNull(context, "context");
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public HostContext context() {
    return context;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(transport) ? Optional.of(type.cast(transport)) : Optional.empty();
  }

  @Override
  public Host withContext(HostContext newContext) {
    return new TransportHost(name, transport, newContext, listeners);
  }

  @Override
  public Host withListener(EventListener listener) {
    List<EventListener> more = new ArrayList<>(listeners);
    more.add(requireNonNull(listener, "listener"));
    return new TransportHost(name, transport, context, more);
  }

  @Override
  public CommandResult execute(Command command) {
    if (context.dryRun() && !command.isReadOnly()) {
      return checkSyntax(command, command);
    }
    ShellRenderer.Rendered rendered =
        ShellRenderer.render(command, context, transport.sudoPassword().isPresent());
    ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    stdin.writeBytes(rendered.stdin());
    command.stdin().ifPresent(stdin::writeBytes);
    ExecRequest request = new ExecRequest(command, context, rendered.script(), stdin.toByteArray(),
        command.timeout(), command.pty(), outputSink(rendered.secrets()), rendered.sudo());
    return run(command, rendered.secrets(), () -> transport.exec(request), stderr -> Outcome.FAILED);
  }

  @Override
  public CommandResult apply(Batch batch) {
    Command script = Command.shell(ScriptCompiler.compile(batch));
    Command command = Command.shell(describe(batch));
    if (context.dryRun()) {
      return checkSyntax(command, script);
    }
    // The batch runs in this view's context too: its directory, environment and user (through sudo).
    ShellRenderer.Rendered rendered = ShellRenderer.render(script, context, transport.sudoPassword().isPresent());
    ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    stdin.writeBytes(rendered.stdin());
    batch.operations().stream().filter(op -> op instanceof Operation.Upload)
        .forEach(op -> stdin.writeBytes(((Operation.Upload) op).content()));
    ExecRequest request = new ExecRequest(command, context, rendered.script(), stdin.toByteArray(), Optional.empty(),
        false, outputSink(rendered.secrets()), rendered.sudo());
    CommandResult result = run(command, rendered.secrets(), () -> transport.apply(batch, request),
        stderr -> ScriptCompiler.timedOut(stderr) ? Outcome.TIMED_OUT : Outcome.FAILED);
    if (!result.succeeded()) {
      throw failure(batch, result);
    }
    return result;
  }

  private SlipwayException failure(Batch batch, CommandResult result) {
    OptionalInt failed = ScriptCompiler.failedOperation(result.stderr());
    if (failed.isEmpty()) {
      return new CommandFailedException(context, result);
    }
    CommandResult own = new CommandResult(result.host(), result.command(), result.exitStatus(), result.stdout(),
        ScriptCompiler.withoutFailureLine(result.stderr()), result.duration());
    return ScriptCompiler.timedOut(result.stderr()) ? new BatchTimeoutException(own, batch, failed.getAsInt())
        : new BatchFailedException(context, own, batch, failed.getAsInt());
  }

  private CommandResult checkSyntax(Command command, Command checked) {
    // Checked without the sudo wrapper: sh -n cannot see into the quoted script of "sudo sh -c '…'".
    HostContext unwrapped = new HostContext(context.directory(), context.env(), context.secretEnv(),
        context.prefixes(), Optional.empty(), false);
    String script = ShellRenderer.render(checked, unwrapped, false).script();
    ExecRequest check = new ExecRequest(Command.shell("sh -n"), context.dryRun(false), "sh -n",
        script.getBytes(java.nio.charset.StandardCharsets.UTF_8), Optional.of(Duration.ofSeconds(30)), false,
        ExecRequest.OutputSink.NONE);
    ExecResult result = transport.exec(check);
    log.info("[dry-run] {}: {}", name, command);
    if (result.exitStatus() != 0) {
      CommandResult failed = new CommandResult(name, command, result.exitStatus(), "", result.stderr(),
          result.duration());
      emit(event(command, Outcome.FAILED, failed.exitStatus(), failed.duration()));
      throw new CommandFailedException(context, failed);
    }
    emit(event(command, Outcome.DRY_RUN, 0, Duration.ZERO));
    return CommandResult.skipped(name, command);
  }

  /** Runs {@code exec}, reporting it as an event; a failure's outcome is what {@code failedAs} says of its stderr. */
  private CommandResult run(Command command, List<Secret> secrets, Supplier<ExecResult> exec,
                            Function<String, Outcome> failedAs) {
    Instant start = Instant.now();
    ExecResult raw;
    try {
      raw = exec.get();
    } catch (CommandTimeoutException e) {
      emit(event(command, Outcome.TIMED_OUT, -1, Duration.between(start, Instant.now())));
      throw e;
    } catch (RuntimeException e) {
      emit(event(command, Outcome.ERROR, -1, Duration.between(start, Instant.now())));
      throw e;
    }
    CommandResult result = new CommandResult(name, command, raw.exitStatus(), mask(raw.stdout(), secrets),
        mask(raw.stderr(), secrets), raw.duration());
    Outcome outcome = result.succeeded() ? Outcome.SUCCEEDED : failedAs.apply(result.stderr());
    log.debug("{}: {} -> exit {} in {} ms", name, command, raw.exitStatus(), raw.duration().toMillis());
    emit(event(command, outcome, raw.exitStatus(), raw.duration()));
    return result;
  }

  private ExecRequest.OutputSink outputSink(List<Secret> secrets) {
    if (listeners.isEmpty()) {
      return ExecRequest.OutputSink.NONE;
    }
    return (stderr, line) -> emit(new OutputEvent(name, Instant.now(),
        stderr ? OutputEvent.Stream.STDERR : OutputEvent.Stream.STDOUT, mask(line, secrets)));
  }

  private CommandEvent event(Command command, Outcome outcome, int exitStatus, Duration duration) {
    return new CommandEvent(name, Instant.now(), command.toString(), context.describe(), outcome, exitStatus,
        duration);
  }

  private void emit(Event event) {
    for (EventListener listener : listeners) {
      listener.on(event);
    }
  }

  private static String mask(String text, List<Secret> secrets) {
    String masked = text;
    for (Secret secret : secrets) {
      if (!secret.reveal().isEmpty()) {
        masked = masked.replace(secret.reveal(), Secret.MASK);
      }
    }
    return masked;
  }

  private static String describe(Batch batch) {
    List<String> lines = batch.operations().stream().map(op -> op.describe()).toList();
    return lines.size() <= 3 ? String.join("; ", lines)
        : String.join("; ", lines.subList(0, 3)) + "; … (" + lines.size() + " operations)";
  }

  // A view with a user changes files as that user: one batch (one round trip through sudo) each.
  // The login user's file operations (SFTP) stay the fast path for views without one.

  @Override
  public Optional<FileInfo> stat(String path) {
    return transport.stat(absolute(path));
  }

  @Override
  public List<FileInfo> list(String directory) {
    return transport.list(absolute(directory));
  }

  @Override
  public Optional<String> readLink(String path) {
    return transport.readLink(absolute(path));
  }

  @Override
  public void write(String path, byte[] content, int mode) {
    if (skipped("write " + path)) {
      return;
    }
    if (context.user().isPresent()) {
      asUser(path, new Operation.Upload(absolute(path), content, mode));
    } else {
      transport.write(absolute(path), content, mode);
    }
  }

  @Override
  public void mkdirs(String path) {
    if (!skipped("mkdir -p " + path)) {
      fileOperation(path, () -> new Operation.Mkdirs(absolute(path)), () -> transport.mkdirs(absolute(path)));
    }
  }

  @Override
  public void symlink(String target, String link) {
    if (!skipped("ln -s " + target + " " + link)) {
      fileOperation(link, () -> new Operation.Symlink(target, absolute(link)),
          () -> transport.symlink(target, absolute(link)));
    }
  }

  @Override
  public void rename(String from, String to) {
    if (!skipped("mv " + from + " " + to)) {
      fileOperation(from, () -> new Operation.Rename(absolute(from), absolute(to)),
          () -> transport.rename(absolute(from), absolute(to)));
    }
  }

  @Override
  public void delete(String path) {
    if (!skipped("rm -rf " + path)) {
      fileOperation(path, () -> new Operation.Remove(absolute(path)), () -> transport.delete(absolute(path)));
    }
  }

  @Override
  public void upload(InputStream content, String path, int mode) {
    if (skipped("upload " + path)) {
      return;
    }
    if (context.user().isPresent()) {
      asUser(path, new Operation.Upload(absolute(path), readAll(content, path), mode));
    } else {
      transport.upload(content, absolute(path), mode);
    }
  }

  /**
   * Reads as the login user; only what that user may not read is read as this view's user (through
   * sudo), since the bytes are the same either way and the login user's read is one SFTP call.
   */
  @Override
  public byte[] read(String path) {
    String file = absolute(path);
    try {
      return transport.read(file);
    } catch (FileOperationException e) {
      if (context.user().isEmpty() || !mayExist(file)) {
        throw e;
      }
      CommandResult encoded = execute(Command.cmd("base64", "--", file));
      if (!encoded.succeeded()) {
        throw new FileOperationException(name, file, "cannot read as " + context.user().get() + " ("
            + encoded.stderr().strip() + ")");
      }
      return Base64.getMimeDecoder().decode(encoded.stdout());
    }
  }

  @Override
  public void download(String path, OutputStream sink) {
    if (context.user().isEmpty()) {
      transport.download(absolute(path), sink);
      return;
    }
    try {
      sink.write(read(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the content of " + path, e);
    }
  }

  private boolean mayExist(String file) {
    try {
      return transport.stat(file).isPresent();
    } catch (FileOperationException e) {
      return true;
    }
  }

  private void fileOperation(String path, Supplier<Operation> asUser, Runnable asLoginUser) {
    if (context.user().isPresent()) {
      asUser(path, asUser.get());
    } else {
      asLoginUser.run();
    }
  }

  private void asUser(String path, Operation operation) {
    try {
      apply(Batch.of(operation));
    } catch (CommandFailedException e) {
      throw new FileOperationException(name, absolute(path), "cannot " + operation.describe() + " as "
          + context.user().orElseThrow() + " (" + e.result().stderr().strip() + ")");
    }
  }

  private static byte[] readAll(InputStream content, String path) {
    try {
      return content.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the content for " + path, e);
    }
  }

  private boolean skipped(String description) {
    if (context.dryRun()) {
      log.info("[dry-run] {}: {}", name, description);
      emit(event(Command.shell(description), Outcome.DRY_RUN, 0, Duration.ZERO));
    }
    return context.dryRun();
  }

  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return name + (context.describe().isEmpty() ? "" : " (" + context.describe() + ")");
  }
}
