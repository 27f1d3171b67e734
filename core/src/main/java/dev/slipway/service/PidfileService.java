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
 * <p>Each operation is one round trip: a small POSIX {@code sh} script, with every value passed as
 * a quoted argument. The process is started detached ({@code setsid}, else {@code nohup}), with
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
  private static final int ALREADY_RUNNING = 3;
  private static final int DIED = 4;
  private static final int NOT_RUNNING = 5;
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
   * Starts the process and watches it for the start timeout.
   *
   * @return its status, with its pid
   * @throws ServiceException if it is already running, or if it exits during the start timeout
   *     (the message ends with the last lines it wrote to the log, after its first error line
   *     when that is further up)
   */
  public ServiceStatus start(Host host) {
    return status(host, run(host, "start", NO_SIGNAL));
  }

  /** Stops the process: TERM, then KILL after the stop timeout; fine if it is not running. */
  public ServiceStatus stop(Host host) {
    return status(host, run(host, "stop", NO_SIGNAL));
  }

  /** Stops the process if it runs, then starts it; one round trip. */
  public ServiceStatus restart(Host host) {
    return status(host, run(host, "restart", NO_SIGNAL));
  }

  /**
   * Whether the process runs, read from the pidfile and checked against the process table. It
   * changes nothing, so a dry run asks for real.
   */
  public ServiceStatus status(Host host) {
    return status(host.withContext(host.context().dryRun(false)), run(host, "status", NO_SIGNAL));
  }

  /**
   * Sends {@code signal} (e.g. {@code HUP}, {@code USR2}, {@code SIGTERM}) to the running process.
   *
   * @return the pid that received it; in a dry run, which sends nothing, the pid that would
   * @throws ServiceException if the process is not running (a dry run asks the pidfile too)
   */
  public long signal(Host host, String signal) {
    String bare = signal.startsWith("SIG") ? signal.substring(3) : signal;
    if (!bare.matches("[A-Z][A-Z0-9+-]*")) {
      throw new IllegalArgumentException("not a signal name: " + signal + " (e.g. HUP, USR2, TERM)");
    }
    CommandResult sent = run(host, "signal", bare);
    if (host.context().dryRun()) {
      return status(host).pid().orElseThrow(() -> failure(host, "Cannot send " + bare + " to " + name + " on "
          + host.name() + ": it is not running"));
    }
    return status(host, sent).pid().orElse(0L);
  }

  private CommandResult run(Host host, String action, String signal) {
    List<Object> args = new ArrayList<>(List.of("-c", SCRIPT, "slipway-pidfile", action, pidfile, log,
        directory.orElse(""), match, Scripts.tenths(startTimeout), Scripts.tenths(stopTimeout), signal));
    args.addAll(command);
    Host view = host;
    for (Map.Entry<String, String> variable : env.entrySet()) {
      view = view.env(variable.getKey(), variable.getValue());
    }
    Command script = Command.cmd("sh", args.toArray()).timeout(startTimeout.plus(stopTimeout).plus(SCRIPT_SLACK))
        .allowFailure();
    CommandResult result = view.run(action.equals("status") ? script.readOnly() : script);
    switch (result.exitStatus()) {
      case 0:
        return result;
      case ALREADY_RUNNING:
        throw failure(host, name + " is already running on " + host.name() + ": " + result.stderr().strip()
            + "; stop it first, or call restart");
      case DIED:
        throw failure(host, diedMessage(host, result));
      case NOT_RUNNING:
        throw failure(host, "Cannot send " + signal + " to " + name + " on " + host.name() + ": " + result.stderr().strip());
      default:
        throw new CommandFailedException(view.context(), result);
    }
  }

  private String diedMessage(Host host, CommandResult result) {
    List<String> lines = result.stdout().lines().dropWhile(line -> !line.startsWith("died")).toList();
    StringBuilder message = new StringBuilder(name).append(" on ").append(host.name())
        .append(" exited during its start timeout of ").append(startTimeout.toMillis()).append(" ms (command ")
        .append(Command.cmd(command.get(0), command.subList(1, command.size()).toArray())).append(", log ")
        .append(log).append(')');
    List<String> tail = lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
    message.append(tail.isEmpty() ? "; it wrote nothing to its log" : "; last lines of its log:");
    tail.forEach(line -> message.append("\n    ").append(line));
    return message.toString();
  }

  private ServiceStatus status(Host host, CommandResult result) {
    if (host.context().dryRun()) {
      return new ServiceStatus(host.name(), name, false, OptionalLong.empty(), "unknown: a dry run changed nothing");
    }
    List<String> lines = result.stdout().lines().toList();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    String[] words = last.split(" ", 2);
    OptionalLong pid = words.length == 2 ? OptionalLong.of(Long.parseLong(words[1].strip())) : OptionalLong.empty();
    switch (words[0]) {
      case "started":
      case "running":
      case "signalled":
        return new ServiceStatus(host.name(), name, true, pid, "running");
      case "stale":
        return new ServiceStatus(host.name(), name, false, OptionalLong.empty(),
            "not running (stale pidfile " + pidfile + " named pid " + pid.orElseThrow() + ")");
      case "stopped":
      case "killed":
        return new ServiceStatus(host.name(), name, false, OptionalLong.empty(),
            words[0] + " (was pid " + pid.orElseThrow() + ")");
      case "not-running":
        return new ServiceStatus(host.name(), name, false, OptionalLong.empty(), "not running");
      default:
        throw failure(host, "Unexpected answer from the pidfile supervisor of " + name + " on " + host.name()
            + ": " + result.stdout().strip());
    }
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

    /** How long the process must stay alive for a start to succeed; 2 s unless said otherwise. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = positive(timeout, "startTimeout");
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
