package dev.slipway.testing;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.HostContext;
import dev.slipway.event.EventListener;
import dev.slipway.Batch;
import dev.slipway.Operation;
import dev.slipway.service.PidfileService;
import dev.slipway.service.SupervisorAnswer;
import dev.slipway.service.SupervisorRequest;
import java.io.InputStream;
import dev.slipway.FileInfo;
import java.io.OutputStream;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link Host} for unit tests of deploy logic: script answers, run the code, check what it ran
 * and what it left on the in-memory file system. No test framework needed; it reads naturally with
 * JUnit 5 and AssertJ:
 *
 * <pre>{@code
 * FakeHost web = FakeHost.named("web1").when(line -> line.contains("python3 -m venv ")).thenSucceed();
 * web.when("systemctl restart flask-demo").thenOutput("");
 * shop.deploy(web, "v2");   // the deploy logic under test, e.g. Releases with a restart hook
 * assertThat(web.fs().readLink("/opt/flask-demo/current")).startsWith("/opt/flask-demo/releases/");
 * assertThat(web.commands()).contains("systemctl restart flask-demo");
 * }</pre>
 *
 * <h2>Commands</h2>
 * Commands are rendered exactly as on a real host ({@code cd}, {@code env}, {@code as} views work)
 * and matched by their text as the user wrote it ({@code Command.toString()}, secrets masked),
 * without the context's wrapping: {@code when(String)} takes the whole text, {@code when(Predicate)}
 * any test of it ({@code Pattern.compile(regex).asMatchPredicate()}; a line inside a script written
 * by the library, a dependency build, is found with {@code contains}). The most recently
 * scripted answer that matches wins. A strict
 * fake (the default) throws {@link UnexpectedCommandException} for an unscripted command; a
 * {@link #lenient()} one answers it with success and no output.
 *
 * <h2>Built-in commands</h2>
 * When no scripted answer matches, these really run against the in-memory file system:
 * <ul>
 *   <li>{@code tar -xzf ARCHIVE -C DIR} and {@code tar -xf} / {@code tar -xpf} / {@code tar xzf} (optionally with
 *       {@code --strip-components=N}; relative paths against the view's directory): extracts files,
 *       directories, symlinks and modes, as release sources need after uploading an archive.</li>
 *   <li>{@code tar -C DIR -cf ARCHIVE --null -T LIST}: archives the files and symlinks LIST names
 *       (NUL-separated, relative to DIR), as the git source does to copy unchanged files from the
 *       previous release.</li>
 *   <li>The dry-run syntax check ({@code sh -n} with the script on stdin) runs the local
 *       {@code /bin/sh -n}, so a syntax error is reported as on a real host. Checks are not
 *       recorded as commands.</li>
 * </ul>
 *
 * <h2>Files and batches</h2>
 * File operations and batches of {@link Operation}s act on an in-memory POSIX file system (Jimfs)
 * with the same semantics as the local transport: atomic writes and renames, symlinks replaced by
 * rename, nothing followed on delete. A batch's {@code Exec} operations go through the scripted
 * answers. Set up and check files with {@link #fs()}.
 *
 * <p>Thread-safe: parallel code may share one fake. Getters return snapshots.
 */
public final class FakeHost implements Host {
  private final FakeTransport transport;
  private final Host host;

  private FakeHost(String name) {
    this.transport = new FakeTransport(name);
    this.host = transport.host(name);
  }

  /** A strict fake host named {@code name}, nothing scripted, a file system holding only {@code /tmp}. */
  public static FakeHost named(String name) {
    return new FakeHost(requireNonNull(name, "name"));
  }

  /** Starts scripting the answer to exactly {@code command}. */
  public Stubbing when(String command) {
    requireNonNull(command, "command");
    return new Stubbing('"' + command + '"', command::equals);
  }

  /**
   * Starts scripting what the pidfile supervisor of {@code service} answers to {@code request}:
   *
   * <pre>{@code
   * web.when(app.supervisor(), SupervisorRequest.START).thenAnswer(SupervisorAnswer.running(42));
   * }</pre>
   */
  public SupervisorStubbing when(PidfileService service, SupervisorRequest request) {
    String command = service.command(request).toString();
    return new SupervisorStubbing(new Stubbing(service.name() + " " + request, command::equals));
  }

  /** Starts scripting the answer to every command whose text {@code matcher} accepts. */
  public Stubbing when(Predicate<String> matcher) {
    return new Stubbing("<predicate>", requireNonNull(matcher, "matcher"));
  }

  /** Makes unscripted commands succeed with empty output instead of throwing. */
  public FakeHost lenient() {
    transport.lenient(true);
    return this;
  }

  /** The in-memory file system, for setting up and checking files. */
  public FakeFileSystem fs() {
    return transport.fs();
  }

  /** The text of every command run so far, in order, as the user wrote it (secrets masked). */
  public List<String> commands() {
    return recorded().stream().map(RecordedCommand::command).toList();
  }

  /** Every command run so far with its context and rendered script. */
  public List<RecordedCommand> recorded() {
    return transport.recorded();
  }

  /** Every operation applied through batches so far, in order. */
  public List<Operation> operations() {
    return transport.operations();
  }

  /** A snapshot of every regular file (uploads, writes, extracted archives) by absolute path. */
  public Map<String, byte[]> files() {
    return fs().files();
  }

  @Override
  public String name() {
    return host.name();
  }

  @Override
  public HostContext context() {
    return host.context();
  }

  @Override
  public Host withContext(HostContext context) {
    return host.withContext(context);
  }

  @Override
  public Host withListener(EventListener listener) {
    return host.withListener(listener);
  }

  @Override
  public CommandResult execute(Command command) {
    return host.execute(command);
  }

  @Override
  public CommandResult apply(Batch batch) {
    return host.apply(batch);
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return host.unwrap(type);
  }

  @Override
  public byte[] read(String path) {
    return host.read(path);
  }

  @Override
  public Optional<FileInfo> stat(String path) {
    return host.stat(path);
  }

  @Override
  public List<FileInfo> list(String directory) {
    return host.list(directory);
  }

  @Override
  public Optional<String> readLink(String path) {
    return host.readLink(path);
  }

  @Override
  public void download(String path, OutputStream sink) {
    host.download(path, sink);
  }

  @Override
  public void write(String path, byte[] content, int mode) {
    host.write(path, content, mode);
  }

  @Override
  public void mkdirs(String path) {
    host.mkdirs(path);
  }

  @Override
  public void symlink(String target, String link) {
    host.symlink(target, link);
  }

  @Override
  public void rename(String from, String to) {
    host.rename(from, to);
  }

  @Override
  public void delete(String path) {
    host.delete(path);
  }

  @Override
  public void upload(InputStream content, String path, int mode) {
    host.upload(content, path, mode);
  }

  /** Keeps the file system and the record readable: tests check them after the code under test closed the host. */
  @Override
  public void close() {
    host.close();
  }

  @Override
  public String toString() {
    return "fake host " + name();
  }

  /** The answer being scripted for one request to a pidfile supervisor. */
  public static final class SupervisorStubbing {
    private final Stubbing command;

    private SupervisorStubbing(Stubbing command) {
      this.command = command;
    }

    /** The supervisor answers {@code answer}. */
    public FakeHost thenAnswer(SupervisorAnswer answer) {
      return command.thenOutput(answer.protocolText());
    }
  }

  /** The answer being scripted for the commands one {@code when(...)} selected. */
  public final class Stubbing {
    private final String description;
    private final Predicate<String> matcher;

    private Stubbing(String description, Predicate<String> matcher) {
      this.description = description;
      this.matcher = matcher;
    }

    /** Succeeds, printing {@code stdout}. */
    public FakeHost thenOutput(String stdout) {
      return thenReturn(0, stdout, "");
    }

    /** Succeeds with no output. */
    public FakeHost thenSucceed() {
      return thenReturn(0, "", "");
    }

    /** Fails with {@code exitStatus}, printing {@code stderr}. */
    public FakeHost thenFail(int exitStatus, String stderr) {
      if (exitStatus == 0) {
        throw new IllegalArgumentException("a failure needs a non-zero exit status");
      }
      return thenReturn(exitStatus, "", stderr);
    }

    /** Ends with {@code exitStatus}, printing {@code stdout} and {@code stderr}. */
    public FakeHost thenReturn(int exitStatus, String stdout, String stderr) {
      transport.script(new ScriptedAnswer(description, matcher, exitStatus, requireNonNull(stdout, "stdout"),
          requireNonNull(stderr, "stderr"), false, ScriptedAnswer.NO_EFFECT));
      return FakeHost.this;
    }

    /**
     * Succeeds with no output after doing {@code effect}, which sees the command and its context,
     * e.g. to create what the real program would:
     *
     * <pre>{@code
     * web.when(line -> line.startsWith("python3 -m venv"))
     *    .thenDo(call -> web.fs().mkdirs(call.context().directory().orElseThrow() + "/.venv/bin"));
     * }</pre>
     */
    public FakeHost thenDo(Consumer<RecordedCommand> effect) {
      transport.script(new ScriptedAnswer(description, matcher, 0, "", "", false, requireNonNull(effect, "effect")));
      return FakeHost.this;
    }

    /** Runs past its time limit: the caller gets a {@link dev.slipway.CommandTimeoutException}. */
    public FakeHost thenTimeout() {
      transport.script(new ScriptedAnswer(description, matcher, -1, "", "", true, ScriptedAnswer.NO_EFFECT));
      return FakeHost.this;
    }
  }
}
