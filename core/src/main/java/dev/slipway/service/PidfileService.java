package dev.slipway.service;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.HostContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * <p>Environment variables reach the process through the supervisor's command, which starts with
 * {@code env NAME=VALUE} (alone as inside a batch, so once). They are part of the shell text sent to
 * the host, so they are not the place for secrets: keep those in a file the application reads (e.g.
 * a shared {@code .env}). Immutable and thread-safe.
 */
public final class PidfileService {
  private final Supervisor supervisor;
  private final SupervisorWords words;

  private PidfileService(Builder builder) {
    List<String> command = List.copyOf(builder.command);
    this.supervisor = new Supervisor(builder.name, command, builder.directory,
        Collections.unmodifiableMap(new LinkedHashMap<>(builder.env)), builder.pidfile, builder.log,
        builder.match.orElse(basename(command.get(0))), builder.startTimeout, builder.stopTimeout, builder.ready,
        builder.reloadSignal, builder.reexec);
    this.words = new SupervisorWords(builder.name, command, builder.pidfile, builder.log, builder.startTimeout);
  }

  /** Starts describing the service {@code name} (used in messages). */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** The service's name. */
  public String name() {
    return supervisor.name();
  }

  /** The pidfile's path. */
  public String pidfile() {
    return supervisor.pidfile();
  }

  /** The log file's path (standard output and error, appended). */
  public String log() {
    return supervisor.log();
  }

  /** The signal a serve sends when the environment did not change; empty: a serve restarts. */
  public Optional<String> reloadSignal() {
    return supervisor.reloadSignal();
  }

  /** The command a serve runs when the environment changed; empty: a serve restarts. */
  public Optional<Command> reexec() {
    return supervisor.reexec();
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
          + " to " + name() + " on " + host.name() + ": it is not running"));
    }
    SupervisorAnswer answer = ask(host, request);
    if (answer instanceof SupervisorAnswer.Running running) {
      return running.pid();
    }
    throw failure(host, "Cannot send " + request.signal().orElseThrow() + " to " + name() + " on " + host.name()
        + ": " + status(host, answer).detail());
  }

  /**
   * Makes the process serve {@code environment} (a key, e.g. the path a release's venv link points
   * at), in one round trip: starts it when it is not running; sends it the {@linkplain
   * Builder#reloadSignal reload signal} when it runs that environment already (the key is kept
   * beside the pidfile, with {@code .venv} added); else {@linkplain Builder#reexec re-executes} it,
   * or restarts it when there is no re-exec. The same request as one command:
   * {@code command(SupervisorRequest.serve(environment))}.
   *
   * @return its status afterwards, with its pid and how it was served as the detail
   * @throws ServiceException if the start failed (as {@link #start} says it) or the re-exec failed
   *     (the old process then still serves)
   */
  public ServiceStatus serve(Host host, String environment) {
    return started(host, ask(host, SupervisorRequest.serve(environment)));
  }

  /**
   * The one line a {@linkplain #serve serve} that failed with {@code answer} writes last on its
   * stderr, e.g. {@code gunicorn exited before it was up: ImportError: app (log /opt/app/shared/log/gunicorn.log)};
   * empty for an answer that is not a failure. Fake hosts give it with their scripted answers.
   */
  public Optional<String> serveFailure(SupervisorAnswer answer) {
    return words.serveLine(answer);
  }

  /**
   * Sends {@code request} to the supervisor on {@code host} (one round trip) and reads its answer;
   * a dry run asks {@code STATUS} for real and answers {@link SupervisorAnswer.NotRunning} to the
   * requests it only prints.
   *
   * @throws CommandFailedException if the supervisor itself failed (e.g. it cannot write the pidfile)
   */
  public SupervisorAnswer ask(Host host, SupervisorRequest request) {
    return supervisor.ask(host, request);
  }

  /**
   * The command that carries {@code request} to the host: the supervisor script with every value
   * as a quoted argument, after {@code env NAME=VALUE} for the service's environment variables, so
   * that it runs the same alone and inside a batch.
   */
  public Command command(SupervisorRequest request) {
    return supervisor.command(request);
  }

  private ServiceStatus started(Host host, SupervisorAnswer answer) {
    Optional<String> message = words.message(host.name(), answer);
    if (message.isPresent()) {
      throw failure(host, message.get());
    }
    return status(host, answer);
  }

  private ServiceStatus status(Host host, SupervisorAnswer answer) {
    if (host.context().dryRun()) {
      return new ServiceStatus(host.name(), name(), false, OptionalLong.empty(), "unknown: a dry run changed nothing");
    }
    return words.status(host.name(), answer);
  }

  private ServiceException failure(Host host, String message) {
    return new ServiceException(host.name(), name(), message);
  }

  private static String basename(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return "PidfileService[" + name() + ", pidfile " + pidfile() + "]";
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
    private Optional<String> reloadSignal = Optional.empty();
    private Optional<Command> reexec = Optional.empty();

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

    /** One more environment variable for the process; {@code name} must be a shell variable's name. */
    public Builder env(String name, String value) {
      // The host context's own check of the name: a wrong one fails here, not at the first request.
      HostContext.NONE.env(requireNonNull(name, "name"), requireNonNull(value, "value"));
      env.put(name, value);
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
      this.ready = Optional.of(withoutSecrets(probe, "a readiness probe"));
      return this;
    }

    /**
     * The signal (e.g. {@code HUP}) that makes the running process load the live release while it
     * keeps its environment; a {@linkplain PidfileService#serve serve} sends it when the
     * environment did not change. Without one, a serve restarts the process.
     */
    public Builder reloadSignal(String signal) {
      this.reloadSignal = SupervisorRequest.signal(signal).signal();
      return this;
    }

    /**
     * The command that replaces the running process by one started from another environment
     * without a stop (gunicorn's {@code USR2}): it must leave the new process's pid in the pidfile,
     * and otherwise exit non-zero with its reason last on stderr. A {@linkplain PidfileService#serve
     * serve} runs it when the environment changed; without one, it restarts the process. Its
     * timeout, if any, is added to the serve's.
     */
    public Builder reexec(Command replacement) {
      this.reexec = Optional.of(withoutSecrets(replacement, "a re-exec"));
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

    // It is sent as text inside the supervisor's arguments.
    private static Command withoutSecrets(Command command, String what) {
      if (!requireNonNull(command, what).secrets().isEmpty()) {
        throw new IllegalArgumentException(what + " cannot carry secrets: " + command);
      }
      return command;
    }

    private static Duration positive(Duration timeout, String what) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + timeout);
      }
      return timeout;
    }
  }
}
