package dev.slipway.spi.internal;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.CommandTimeoutException;
import dev.slipway.FileInfo;
import dev.slipway.Host;
import dev.slipway.HostContext;
import dev.slipway.Secret;
import dev.slipway.event.CommandEvent;
import dev.slipway.event.CommandEvent.Outcome;
import dev.slipway.event.Event;
import dev.slipway.event.EventListener;
import dev.slipway.event.OutputEvent;
import dev.slipway.Batch;
import dev.slipway.internal.ScriptCompiler;
import dev.slipway.internal.ShellRenderer;
import dev.slipway.spi.ExecRequest;
import dev.slipway.spi.ExecResult;
import dev.slipway.spi.Transport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
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
        command.timeout(), command.pty(), outputSink(rendered.secrets()));
    return run(command, rendered.secrets(), () -> transport.exec(request));
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
    ExecRequest request = new ExecRequest(command, context, rendered.script(), new byte[0], Optional.empty(), false,
        outputSink(List.of()));
    CommandResult result = run(command, List.of(), () -> transport.apply(batch, request));
    if (!result.succeeded()) {
      throw new CommandFailedException(context, result);
    }
    return result;
  }

  private CommandResult checkSyntax(Command command, Command checked) {
    // Checked without the sudo wrapper: sh -n cannot see into the quoted script of "sudo sh -c '…'".
    HostContext unwrapped = new HostContext(context.directory(), context.env(), context.prefixes(), Optional.empty(),
        false);
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

  private CommandResult run(Command command, List<Secret> secrets, java.util.function.Supplier<ExecResult> exec) {
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
    Outcome outcome = result.succeeded() ? Outcome.SUCCEEDED : Outcome.FAILED;
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

  @Override
  public byte[] read(String path) {
    return transport.read(absolute(path));
  }

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
  public void download(String path, OutputStream sink) {
    transport.download(absolute(path), sink);
  }

  @Override
  public void write(String path, byte[] content, int mode) {
    if (!skipped("write " + path)) {
      transport.write(absolute(path), content, mode);
    }
  }

  @Override
  public void mkdirs(String path) {
    if (!skipped("mkdir -p " + path)) {
      transport.mkdirs(absolute(path));
    }
  }

  @Override
  public void symlink(String target, String link) {
    if (!skipped("ln -s " + target + " " + link)) {
      transport.symlink(target, absolute(link));
    }
  }

  @Override
  public void rename(String from, String to) {
    if (!skipped("mv " + from + " " + to)) {
      transport.rename(absolute(from), absolute(to));
    }
  }

  @Override
  public void delete(String path) {
    if (!skipped("rm -rf " + path)) {
      transport.delete(absolute(path));
    }
  }

  @Override
  public void upload(InputStream content, String path, int mode) {
    if (!skipped("upload " + path)) {
      transport.upload(content, absolute(path), mode);
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
