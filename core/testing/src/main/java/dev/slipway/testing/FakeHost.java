package dev.slipway.testing;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.Operation;
import dev.slipway.service.PidfileService;
import dev.slipway.service.SupervisorAnswer;
import dev.slipway.service.SupervisorRequest;
import dev.slipway.spi.ExecResult;
import dev.slipway.spi.ForwardingHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Its views ({@code cd}, {@code as}, {@code dryRun}, ...) are plain {@code Host}s on the same
 * fake: what they run is recorded here. Closing it keeps the file system and the record readable,
 * as tests check them after the code under test closed the host.
 *
 * <p>Thread-safe: parallel code may share one fake. Getters return snapshots.
 */
public final class FakeHost extends ForwardingHost {
  private final FakeTransport transport;
  private final Set<String> emulated = ConcurrentHashMap.newKeySet();

  private FakeHost(String name, FakeTransport transport) {
    super(transport.host(name));
    this.transport = transport;
  }

  /** A strict fake host named {@code name}, nothing scripted, a file system holding only {@code /tmp}. */
  public static FakeHost named(String name) {
    return new FakeHost(requireNonNull(name, "name"), new FakeTransport(name));
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
    return supervisor(service, new Stubbing(service.name() + " " + request, command::equals));
  }

  /**
   * Starts scripting what the pidfile supervisor of {@code service} answers to every request of
   * {@code action}, whatever it carries; for a serve, whatever the environment:
   *
   * <pre>{@code
   * web.when(gunicorn.supervisor(), SupervisorRequest.Action.SERVE).thenAnswer(SupervisorAnswer.reloaded(42));
   * }</pre>
   *
   * <p>A serve that is not scripted so is answered from the answers scripted for its steps:
   * status, then start, the reload signal, the re-exec or restart, as the real supervisor decides.
   * A scripted or emulated serve that succeeded notes the environment beside the pidfile (with
   * {@code .venv} added) on the fake's file system, as the real one does.
   */
  public SupervisorStubbing when(PidfileService service, SupervisorRequest.Action action) {
    SupervisorCommands commands = new SupervisorCommands(service, requireNonNull(action, "action"));
    return supervisor(service, new Stubbing(commands.toString(), commands::matches));
  }

  /**
   * The request to the pidfile supervisor of {@code service} that {@code command} (the text of a
   * {@linkplain #commands() command run}) carries, if it is one; for telling a test's steps apart:
   *
   * <pre>{@code
   * web.commands().stream().map(command -> FakeHost.supervisorRequest(app.supervisor(), command)
   *     .map(request -> request.action().name()).orElse(command)).toList();   // [..., SERVE, ...]
   * }</pre>
   */
  public static Optional<SupervisorRequest> supervisorRequest(PidfileService service, String command) {
    return SupervisorCommands.request(requireNonNull(service, "service"), requireNonNull(command, "command"));
  }

  private SupervisorStubbing supervisor(PidfileService service, Stubbing stubbing) {
    if (emulated.add(service.command(SupervisorRequest.STATUS).toString())) {
      SupervisorCommands serving = new SupervisorCommands(service, SupervisorRequest.Action.SERVE);
      transport.script(new ScriptedAnswer(serving + " (from its steps' answers)", serving::matches, false,
          new ServeEmulation(service, transport)));
    }
    return new SupervisorStubbing(service, stubbing);
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
  public String toString() {
    return "fake host " + name();
  }

  /** The answer being scripted for one request to a pidfile supervisor. */
  public final class SupervisorStubbing {
    private final PidfileService service;
    private final Stubbing command;

    private SupervisorStubbing(PidfileService service, Stubbing command) {
      this.service = service;
      this.command = command;
    }

    /**
     * The supervisor answers {@code answer}: on stdout, and for a serve that failed (died, not
     * ready, re-exec failed) also with exit status 3 and {@link PidfileService#serveFailure its
     * reason} on stderr.
     */
    public FakeHost thenAnswer(SupervisorAnswer answer) {
      SupervisorCommands serving = new SupervisorCommands(service, SupervisorRequest.Action.SERVE);
      transport.script(new ScriptedAnswer(command.description, command.matcher, false, call ->
          serving.value(call.command())
              .map(environment -> ServeEmulation.reply(service, transport, environment, answer))
              .orElseGet(() -> new ExecResult(0, answer.protocolText(), "", Duration.ZERO))));
      return FakeHost.this;
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
      transport.script(ScriptedAnswer.of(description, matcher, exitStatus, requireNonNull(stdout, "stdout"),
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
      transport.script(ScriptedAnswer.of(description, matcher, 0, "", "", false, requireNonNull(effect, "effect")));
      return FakeHost.this;
    }

    /**
     * Runs past its time limit: the caller gets a {@link dev.slipway.CommandTimeoutException}; in a
     * batch, a {@link dev.slipway.BatchTimeoutException} naming the operation, the batch stopped there.
     */
    public FakeHost thenTimeout() {
      transport.script(ScriptedAnswer.of(description, matcher, -1, "", "", true, ScriptedAnswer.NO_EFFECT));
      return FakeHost.this;
    }
  }
}
