package dev.slipway.service;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A long-running process supervised through a pidfile, for hosts without systemd:
 *
 * <pre>{@code
 * PidfileService app = PidfileService.named("flask-demo")
 *     .command("/opt/flask-demo/shared/venv/bin/gunicorn", "--bind", "127.0.0.1:8000", "app:app")
 *     .directory("/opt/flask-demo/current")
 *     .env("FLASK_ENV", "production")
 *     .pidfile("/opt/flask-demo/shared/run/flask-demo.pid")
 *     .log("/opt/flask-demo/shared/log/flask-demo.log")
 *     .build();
 * app.restart(host);          // stop (TERM, then KILL after the stop timeout), then start
 * app.signal(host, "HUP");    // e.g. gunicorn's graceful reload
 * }</pre>
 *
 * <p>Each operation is one round trip: a {@link SupervisorRequest} carried by a small POSIX
 * {@code sh} script ({@link #command}), with every value passed as a quoted argument, answered by a
 * {@link SupervisorAnswer} ({@link #ask}). The process is started detached ({@code setsid}, else {@code nohup}), with
 * its output appended to the log, so it outlives the SSH channel; it writes its own pid to the
 * pidfile (through a temporary file and a rename) before it {@code exec}s the command. A pid is
 * trusted only if {@code kill -0} reaches it, it is not a zombie, and its command line still
 * contains {@linkplain Builder#matching the program's name}, so a recycled pid is never signalled.
 * A stale pidfile is reported by {@link #status} and replaced by {@link #start} and {@link #stop}.
 *
 * <p>Environment variables reach the process through the host context (exported by the shell
 * before the supervisor script runs). They are part of the shell text sent to the host, so they are
 * not the place for secrets: keep those in a file the application reads (e.g. a shared
 * {@code .env}). Immutable and thread-safe.
 */
public final class PidfileService {
  private static final String SCRIPT = Scripts.load("pidfile.sh");
  private static final Duration SCRIPT_SLACK = Duration.ofSeconds(30);
  private static final String NO_SIGNAL = "-";

  private final String name;
  private final List<String> command;
  private final Optional<String> directory;
  private final Map<String, String> env;
  private final String pidfile;
  private final String log;
  private final String match;
  private final Duration startTimeout;
  private final Duration stopTimeout;
  private final Optional<Command> ready;

  private PidfileService(Builder builder) {
    this.name = builder.name;
    this.command = List.copyOf(builder.command);
    this.directory = builder.directory;
    this.env = Map.copyOf(builder.env);
    this.pidfile = builder.pidfile;
    this.log = builder.log;
    this.match = builder.match.orElse(basename(command.get(0)));
    this.startTimeout = builder.startTimeout;
    this.stopTimeout = builder.stopTimeout;
    this.ready = builder.ready;
  }

  /** Starts describing the service {@code name} (used in messages). */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** The service's name. */
  public String name() {
    return name;
  }

  /** The pidfile's path. */
  public String pidfile() {
    return pidfile;
  }

  /** The log file's path (standard output and error, appended). */
  public String log() {
    return log;
  }

  /**
   * Starts the process and returns as soon as it is up: once its {@linkplain Builder#readyWhen
   * readiness probe} succeeds, or, without one, once it has stayed alive for the start timeout.
   *
   * @return its status, with its pid
   * @throws ServiceException if it is already running, if it exits before it is up, or if its probe
   *     never succeeds within the start timeout (it is then stopped); the message ends with the last
   *     lines it wrote to the log, after its first error line when that is further up
   */
  public ServiceStatus start(Host host) {
    return started(host, ask(host, SupervisorRequest.START));
  }

  /** Stops the process: TERM, then KILL after the stop timeout; fine if it is not running. */
  public ServiceStatus stop(Host host) {
    return status(host, ask(host, SupervisorRequest.STOP));
  }

  /** Stops the process if it runs, then starts it as {@link #start} does; one round trip. */
  public ServiceStatus restart(Host host) {
    return started(host, ask(host, SupervisorRequest.RESTART));
  }

  /**
   * Whether the process runs, read from the pidfile and checked against the process table. It
   * changes nothing, so a dry run asks for real.
   */
  public ServiceStatus status(Host host) {
    Host reading = host.withContext(host.context().dryRun(false));
    return status(reading, ask(reading, SupervisorRequest.STATUS));
  }

  /**
   * Sends {@code signal} (e.g. {@code HUP}, {@code USR2}, {@code SIGTERM}) to the running process.
   *
   * @return the pid that received it; in a dry run, which sends nothing, the pid that would
   * @throws ServiceException if the process is not running (a dry run asks the pidfile too)
   */
  public long signal(Host host, String signal) {
    SupervisorRequest request = SupervisorRequest.signal(signal);
    if (host.context().dryRun()) {
      return status(host).pid().orElseThrow(() -> failure(host, "Cannot send " + request.signal().orElseThrow()
          + " to " + name + " on " + host.name() + ": it is not running"));
    }
    SupervisorAnswer answer = ask(host, request);
    if (answer instanceof SupervisorAnswer.Running running) {
      return running.pid();
    }
    throw failure(host, "Cannot send " + request.signal().orElseThrow() + " to " + name + " on " + host.name()
        + ": " + status(host, answer).detail());
  }

  /**
   * Sends {@code request} to the supervisor on {@code host} (one round trip) and reads its answer;
   * a dry run asks {@code STATUS} for real and answers {@link SupervisorAnswer.NotRunning} to the
   * requests it only prints.
   *
   * @throws CommandFailedException if the supervisor itself failed (e.g. it cannot write the pidfile)
   */
  public SupervisorAnswer ask(Host host, SupervisorRequest request) {
    Command command = command(request);
    Host view = command.isReadOnly() ? host.withContext(host.context().dryRun(false)) : host;
    for (Map.Entry<String, String> variable : env.entrySet()) {
      view = view.env(variable.getKey(), variable.getValue());
    }
    CommandResult result = view.run(command);
    return view.context().dryRun() ? SupervisorAnswer.notRunning() : SupervisorAnswer.read(result.stdout());
  }

  /**
   * The command that carries {@code request} to the host: the supervisor script with every value
   * as a quoted argument. The environment is not part of it (it comes from the host's context).
   */
  public Command command(SupervisorRequest request) {
    List<Object> args = new ArrayList<>(List.of("-c", SCRIPT, "slipway-pidfile", request.action().word(), pidfile,
        log, directory.orElse(""), match, Scripts.tenths(startTimeout), Scripts.tenths(stopTimeout),
        request.signal().orElse(NO_SIGNAL), ready.map(Command::render).orElse("")));
    args.addAll(command);
    Command script = Command.cmd("sh", args.toArray()).withTimeout(startTimeout.plus(stopTimeout).plus(SCRIPT_SLACK));
    return request.equals(SupervisorRequest.STATUS) ? script.readOnly() : script;
  }

  private ServiceStatus started(Host host, SupervisorAnswer answer) {
    if (answer instanceof SupervisorAnswer.AlreadyRunning already) {
      throw failure(host, name + " is already running on " + host.name() + " with pid " + already.pid()
          + " (pidfile " + pidfile + "); stop it first, or call restart");
    }
    if (answer instanceof SupervisorAnswer.Died died) {
      throw failure(host, startFailure(host, "exited before it was up", died.log()));
    }
    if (answer instanceof SupervisorAnswer.NotReady notReady) {
      throw failure(host, startFailure(host, "did not answer its readiness probe within " + startTimeout.toMillis()
          + " ms, so it was stopped", notReady.log()));
    }
    return status(host, answer);
  }

  private String startFailure(Host host, String what, List<String> tail) {
    StringBuilder message = new StringBuilder(name).append(" on ").append(host.name()).append(' ').append(what)
        .append(" (command ").append(Command.cmd(command.get(0), command.subList(1, command.size()).toArray()))
        .append(", log ").append(log).append(')');
    message.append(tail.isEmpty() ? "; it wrote nothing to its log" : "; last lines of its log:");
    tail.forEach(line -> message.append("\n    ").append(line));
    return message.toString();
  }

  private ServiceStatus status(Host host, SupervisorAnswer answer) {
    if (host.context().dryRun()) {
      return new ServiceStatus(host.name(), name, false, OptionalLong.empty(), "unknown: a dry run changed nothing");
    }
    if (answer instanceof SupervisorAnswer.Running running) {
      return new ServiceStatus(host.name(), name, true, OptionalLong.of(running.pid()), "running");
    }
    String detail = answer instanceof SupervisorAnswer.Stale stale
        ? "not running (stale pidfile " + pidfile + " named pid " + stale.pid() + ")"
        : answer instanceof SupervisorAnswer.Stopped stopped
        ? (stopped.killed() ? "killed" : "stopped") + " (was pid " + stopped.pid() + ")"
        : "not running";
    return new ServiceStatus(host.name(), name, false, OptionalLong.empty(), detail);
  }

  private ServiceException failure(Host host, String message) {
    return new ServiceException(host.name(), name, message);
  }

  private static String basename(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return "PidfileService[" + name + ", pidfile " + pidfile + "]";
  }

  /** Describes a {@link PidfileService}; the command, the pidfile and the log are required. */
  public static final class Builder {
    private final String name;
    private List<String> command = List.of();
    private Optional<String> directory = Optional.empty();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String pidfile;
    private String log;
    private Optional<String> match = Optional.empty();
    private Duration startTimeout = Duration.ofSeconds(2);
    private Duration stopTimeout = Duration.ofSeconds(10);
    private Optional<Command> ready = Optional.empty();

    private Builder(String name) {
      if (requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
    }

    /** The program and its arguments, run without a shell ({@code exec}). */
    public Builder command(String program, String... args) {
      List<String> argv = new ArrayList<>();
      argv.add(requireNonNull(program, "program"));
      argv.addAll(List.of(args));
      this.command = argv;
      return this;
    }

    /** The program and its arguments, run without a shell ({@code exec}). */
    public Builder command(List<String> argv) {
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("command must name a program");
      }
      this.command = List.copyOf(argv);
      return this;
    }

    /** The working directory of the process. */
    public Builder directory(String path) {
      this.directory = Optional.of(requireNonNull(path, "path"));
      return this;
    }

    /** One more environment variable for the process. */
    public Builder env(String name, String value) {
      env.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /** Where the pid is kept. */
    public Builder pidfile(String path) {
      this.pidfile = requireNonNull(path, "path");
      return this;
    }

    /** Where standard output and error are appended. */
    public Builder log(String path) {
      this.log = requireNonNull(path, "path");
      return this;
    }

    /**
     * Text the process's command line must contain for its pid to be trusted; the program's file
     * name (e.g. {@code gunicorn}) unless said otherwise.
     */
    public Builder matching(String text) {
      if (requireNonNull(text, "text").isEmpty()) {
        throw new IllegalArgumentException("matching text must not be empty");
      }
      this.match = Optional.of(text);
      return this;
    }

    /**
     * How long a start waits for the process to be up: for its {@linkplain #readyWhen readiness
     * probe} to succeed or, without one, how long it must stay alive; 2 s unless said otherwise.
     */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = positive(timeout, "startTimeout");
      return this;
    }

    /**
     * A command, run on the host in the process's directory, that succeeds once the process
     * answers (e.g. a {@code curl} of its port); {@code start} then returns as soon as it does,
     * instead of watching the process for the whole start timeout. Polled at once, then every
     * 100 ms.
     */
    public Builder readyWhen(Command probe) {
      if (!requireNonNull(probe, "probe").secrets().isEmpty()) {
        throw new IllegalArgumentException("a readiness probe cannot carry secrets: " + probe);
      }
      this.ready = Optional.of(probe);
      return this;
    }

    /** How long {@code stop} waits after TERM before it sends KILL; 10 s unless said otherwise. */
    public Builder stopTimeout(Duration timeout) {
      this.stopTimeout = positive(timeout, "stopTimeout");
      return this;
    }

    /** The service; fails naming what is missing. */
    public PidfileService build() {
      if (command.isEmpty()) {
        throw new IllegalStateException("service " + name + " needs a command: call command(\"/path/to/program\", args...)");
      }
      if (pidfile == null || log == null) {
        throw new IllegalStateException("service " + name + " needs a pidfile and a log: call pidfile(\"/srv/app/shared/"
            + name + ".pid\") and log(\"/srv/app/shared/log/" + name + ".log\")");
      }
      return new PidfileService(this);
    }

    private static Duration positive(Duration timeout, String what) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + timeout);
      }
      return timeout;
    }
  }
}
