package dev.slipway.testing;

import static java.util.Objects.requireNonNull;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.slipway.Command;
import dev.slipway.CommandTimeoutException;
import dev.slipway.FileOperationException;
import dev.slipway.HostContext;
import dev.slipway.internal.ScriptCompiler;
import dev.slipway.local.LocalTransport;
import dev.slipway.local.NioFiles;
import dev.slipway.local.NioTransport;
import dev.slipway.Batch;
import dev.slipway.Operation;
import dev.slipway.spi.ExecRequest;
import dev.slipway.spi.ExecResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transport to nowhere, for tests: commands get scripted answers and are recorded; file
 * operations and batches act on an in-memory POSIX file system (Jimfs). Most tests use it through
 * {@link FakeHost}, which scripts it; it is public for code that inspects a host's transport.
 *
 * <p>Dry-run syntax checks ({@code sh -n} with the script on stdin) are answered by really running
 * the local {@code /bin/sh -n}, which has no side effects. Thread-safe.
 */
public final class FakeTransport extends NioTransport {
  private final String name;
  private final TarBuiltin tar;
  private final List<ScriptedAnswer> answers = new CopyOnWriteArrayList<>();
  private final List<RecordedCommand> recorded = Collections.synchronizedList(new ArrayList<>());
  private final List<Operation> operations = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean lenient;

  /** A strict fake transport reported under {@code name}, with a file system holding only {@code /tmp}. */
  public FakeTransport(String name) {
    super(new NioFiles(name, Jimfs.newFileSystem(Configuration.unix().toBuilder()
        .setWorkingDirectory("/")
        .setAttributeViews("basic", "owner", "posix", "unix")
        .build())));
    this.name = name;
    this.tar = new TarBuiltin(files());
    files().mkdirs("/tmp");
  }

  /** Adds an answer; the most recently added answer that matches a command wins. */
  void script(ScriptedAnswer answer) {
    answers.add(requireNonNull(answer, "answer"));
  }

  /** Whether unscripted commands succeed with empty output instead of failing the test. */
  void lenient(boolean on) {
    lenient = on;
  }

  /** Every command received so far, in order (batch commands included). */
  public List<RecordedCommand> recorded() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** Every operation applied through batches so far, in order. */
  public List<Operation> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }

  /** The in-memory file system, with conveniences for tests. */
  public FakeFileSystem fs() {
    return new FakeFileSystem(name, files());
  }

  @Override
  public ExecResult exec(ExecRequest request) {
    if (isSyntaxCheck(request)) {
      return new LocalTransport(name).exec(request);
    }
    return run(request.command(), request.context(), request.script(), request.timeout(), request.output());
  }

  @Override
  public ExecResult apply(Batch batch, ExecRequest request) {
    List<Operation> ops = batch.operations();
    StringBuilder stdout = new StringBuilder();
    StringBuilder stderr = new StringBuilder();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      operations.add(op);
      Applying applying = new Applying(request, stdout, stderr);
      int status = op.accept(applying);
      if (status != 0) {
        stderr.append(applying.late ? ScriptCompiler.timeoutLine(batch, i) : ScriptCompiler.failureLine(batch, i));
        return new ExecResult(status, stdout.toString(), stderr.toString(), Duration.ZERO);
      }
    }
    return new ExecResult(0, stdout.toString(), stderr.toString(), Duration.ZERO);
  }

  /**
   * Applies one operation: file operations to the in-memory file system, commands through the
   * answers; a command scripted to time out ends as the compiled script's watchdog ends it.
   */
  private final class Applying implements Operation.Visitor<Integer> {
    private final ExecRequest request;
    private final StringBuilder stdout;
    private final StringBuilder stderr;
    private boolean late;

    Applying(ExecRequest request, StringBuilder stdout, StringBuilder stderr) {
      this.request = request;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    @Override
    public Integer mkdirs(Operation.Mkdirs op) {
      return onFiles(() -> files().mkdirs(op.path()));
    }

    @Override
    public Integer createDirectory(Operation.CreateDirectory op) {
      return onFiles(() -> files().createDirectory(op.path()));
    }

    @Override
    public Integer symlink(Operation.Symlink op) {
      return onFiles(() -> files().symlink(op.target(), op.link()));
    }

    @Override
    public Integer rename(Operation.Rename op) {
      return onFiles(() -> files().rename(op.from(), op.to()));
    }

    @Override
    public Integer remove(Operation.Remove op) {
      return onFiles(() -> files().delete(op.path()));
    }

    @Override
    public Integer writeFile(Operation.WriteFile op) {
      return onFiles(() -> files().write(op.path(), op.content().getBytes(StandardCharsets.UTF_8), op.mode()));
    }

    @Override
    public Integer upload(Operation.Upload op) {
      return onFiles(() -> files().write(op.path(), op.content(), op.mode()));
    }

    @Override
    public Integer appendFile(Operation.AppendFile op) {
      return onFiles(() -> {
        byte[] old = files().stat(op.path()).isPresent() ? files().read(op.path()) : new byte[0];
        String text = new String(old, StandardCharsets.UTF_8) + op.content();
        files().write(op.path(), text.getBytes(StandardCharsets.UTF_8), 0644);
      });
    }

    @Override
    public Integer copy(Operation.Copy op) {
      return onFiles(() -> files().copy(op.from(), op.to()));
    }

    @Override
    public Integer exec(Operation.Exec op) {
      Command command = op.command();
      ExecResult result;
      try {
        result = run(command, request.context(), command.render(), command.timeout(), request.output());
      } catch (CommandTimeoutException e) {
        late = true;
        return 124;
      }
      stdout.append(result.stdout());
      stderr.append(result.stderr());
      return result.exitStatus();
    }

    private int onFiles(Runnable change) {
      try {
        change.run();
        return 0;
      } catch (FileOperationException e) {
        stderr.append(e.getMessage()).append('\n');
        return 1;
      }
    }
  }

  private ExecResult run(Command command, HostContext context, String script, Optional<Duration> timeout,
                         ExecRequest.OutputSink output) {
    RecordedCommand call = new RecordedCommand(command.toString(), context, script);
    recorded.add(call);
    ExecResult result = answer(command, call, timeout);
    result.stdout().lines().forEach(line -> output.line(false, line));
    result.stderr().lines().forEach(line -> output.line(true, line));
    return result;
  }

  private ExecResult answer(Command command, RecordedCommand call, Optional<Duration> timeout) {
    String text = call.command();
    Optional<ScriptedAnswer> scripted = scripted(text);
    if (scripted.isPresent()) {
      ExecResult result = scripted.get().reply().apply(call);
      if (scripted.get().timesOut()) {
        throw new CommandTimeoutException(name, command, timeout.orElse(Duration.ZERO));
      }
      return result;
    }
    Optional<TarBuiltin.Request> tarRequest =
        ShellWords.split(text).flatMap(words -> TarBuiltin.parse(words, call.context().directory()));
    if (tarRequest.isPresent()) {
      return tar.run(tarRequest.get()).map(error -> new ExecResult(2, "", error + "\n", Duration.ZERO))
          .orElse(new ExecResult(0, "", "", Duration.ZERO));
    }
    return unscripted(text);
  }

  private ExecResult unscripted(String text) {
    if (lenient) {
      return new ExecResult(0, "", "", Duration.ZERO);
    }
    throw new UnexpectedCommandException(name, text, answers.stream().map(ScriptedAnswer::description).toList());
  }

  /**
   * What the scripted answers say to {@code call}, without recording it: how a fake's emulation of
   * a combined request asks for the parts the test scripted.
   */
  ExecResult answerUnrecorded(RecordedCommand call) {
    return scripted(call.command()).map(answer -> answer.reply().apply(call)).orElseGet(() -> unscripted(call.command()));
  }

  // The most recently added answer that matches.
  private Optional<ScriptedAnswer> scripted(String text) {
    for (int i = answers.size() - 1; i >= 0; i--) {
      if (answers.get(i).matches(text)) {
        return Optional.of(answers.get(i));
      }
    }
    return Optional.empty();
  }

  private static boolean isSyntaxCheck(ExecRequest request) {
    return request.script().equals("sh -n") && request.command().toString().equals("sh -n");
  }

  /** Keeps the in-memory file system, so that a test can still check it after the code under test closed the host. */
  @Override
  public void close() {
    // nothing to release
  }
}
