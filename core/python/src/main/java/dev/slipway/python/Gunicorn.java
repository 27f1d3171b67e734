package dev.slipway.python;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.service.PidfileService;
import dev.slipway.service.ServiceException;
import dev.slipway.service.ServiceStatus;
import dev.slipway.service.SystemdQuoting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A gunicorn app server run under a {@link PidfileService}, started so that switching releases
 * drops no request. What this class encodes was measured (Debian's gunicorn 20.1, a client calling
 * {@code /version} about 85 times a second while {@code current} moved):
 * <ul>
 *   <li>Started as {@code <venv>/bin/gunicorn --chdir <deployTo>/current} (the symlink, not the
 *       release it points at) and <em>without</em> {@code --preload}, a {@code HUP}
 *       ({@link #reload}) serves the new release's code 0.14 s later with no failed request.
 *       With {@code --preload}, or with the working directory fixed to the resolved release, the
 *       old code keeps being served. A stop and start instead fails about 150–200 requests.</li>
 *   <li>{@code HUP} cannot change the Python environment: when the dependency environment changed,
 *       {@link #reexec} re-executes the master ({@code USR2}), waits until the new master's workers
 *       stay up, then stops the old master. This works only when started through
 *       {@code <venv>/bin/gunicorn} (as here): under {@code python -m gunicorn} the new master's
 *       workers crash. Give a venv path that stays the same across releases (e.g.
 *       {@code <deployTo>/shared/venv}, or a symlink to the venv of the current hash), since the
 *       re-executed master runs the interpreter that started the old one.</li>
 *   <li>If the new code cannot be imported, a {@code HUP} leaves no working worker: always follow
 *       a reload with a health check that polls for the new version, and switch back at once if it
 *       fails.</li>
 * </ul>
 *
 * <pre>{@code
 * Gunicorn web = Gunicorn.app("app:app").deployTo("/opt/flask-demo").venv("/opt/flask-demo/shared/venv")
 *     .bind("127.0.0.1:8000").build();
 * HttpHealthCheck serving = HttpHealthCheck.of("http://127.0.0.1:8000/version");
 * // in the release's "deployed" step:
 * if (web.status(host).running()) {
 *   web.reload(host);              // code changed; web.reexec(host) when requirements.txt changed
 * } else {
 *   web.start(host);
 * }
 * serving.expectBodyContaining("\"" + release.version() + "\"").attempts(20).check(host);
 * }</pre>
 *
 * <p>Gunicorn keeps its own pidfile ({@code --pid}, next to the supervisor's, with
 * {@code .gunicorn} added): it must not share the supervisor's, since the new master of a re-exec
 * writes {@code <pidfile>.2} and renames it only once the old master is gone. The supervisor's
 * pidfile is moved to the new master by {@link #reexec}. Immutable and thread-safe.
 */
public final class Gunicorn {
  private static final String REEXEC = script("gunicorn-reexec.sh");
  private static final String UNIT = """
      [Unit]
      Description=%s
      After=network.target

      [Service]
      Type=simple
      %sWorkingDirectory=%s
      ExecStart=%s
      ExecReload=/bin/kill -s HUP $MAINPID
      KillMode=mixed
      TimeoutStopSec=30
      Restart=on-failure
      RestartSec=5

      [Install]
      WantedBy=multi-user.target
      """;
  private static final String PROBE = "import sys, urllib.request, urllib.error\n"
      + "try: urllib.request.urlopen(sys.argv[1], timeout=1)\n"
      + "except urllib.error.HTTPError: pass\n";
  // A start returns at the first answer; this only bounds how long an app may take to import.
  private static final Duration FIRST_ANSWER_LIMIT = Duration.ofSeconds(30);
  private static final int NOT_RUNNING = 5;
  private static final int NEW_MASTER_FAILED = 4;

  private final List<String> command;
  private final List<String> serveCommand;
  private final String chdir;
  private final PidfileService supervisor;
  private final Command reexec;

  private Gunicorn(Builder builder) {
    String pidfile = builder.pidfile != null ? builder.pidfile : builder.deployTo + "/shared/pids/" + builder.name + ".pid";
    String log = builder.log != null ? builder.log : builder.deployTo + "/shared/log/" + builder.name + ".log";
    this.chdir = builder.deployTo + "/current";
    List<String> serve = new ArrayList<>(List.of(builder.venv + "/bin/gunicorn", "--chdir", chdir,
        "--bind", builder.bind, "--workers", String.valueOf(builder.workers)));
    serve.addAll(builder.extraArgs);
    serve.add(builder.app);
    this.serveCommand = List.copyOf(serve);
    List<String> supervised = new ArrayList<>(serve);
    supervised.addAll(3, List.of("--pid", pidfile + ".gunicorn"));
    this.command = List.copyOf(supervised);
    this.reexec = reexecCommand(pidfile, builder.startTimeout);
    PidfileService.Builder service = PidfileService.named(builder.name).command(command).matching("gunicorn")
        .reloadSignal("HUP").reexec(reexec).pidfile(pidfile).log(log)
        .startTimeout(builder.bind.startsWith("unix:") ? builder.startTimeout : FIRST_ANSWER_LIMIT);
    if (!builder.bind.startsWith("unix:")) {
      service.readyWhen(answering("http://" + builder.bind + "/", builder.venv + "/bin/python"));
    }
    this.supervisor = service.build();
  }

  // Any HTTP answer (a 404 too) means a worker has imported the app and serves.
  private static Command answering(String url, String python) {
    return Command.format("if command -v curl >/dev/null 2>&1; then curl -s -o /dev/null --max-time 1 %s;"
        + " else %s -c %s %s; fi", url, python, PROBE, url);
  }

  // USR2, then wait until the new master's workers have stayed up for the settle time.
  private static Command reexecCommand(String pidfile, Duration settle) {
    Duration limit = settle.plusSeconds(30);
    return Command.cmd("sh", "-c", REEXEC, "slipway-gunicorn", pidfile, pidfile + ".gunicorn", tenths(settle),
        tenths(limit)).withTimeout(limit.plusSeconds(10));
  }

  /** Starts describing a gunicorn serving {@code app}, a WSGI module and variable like {@code app:app}. */
  public static Builder app(String app) {
    return new Builder(app);
  }

  /** The command line gunicorn is started with. */
  public List<String> command() {
    return command;
  }

  /**
   * A systemd unit running the same gunicorn: {@code systemctl reload} sends the graceful
   * HUP. Under systemd, change the Python environment with a restart ({@link #reexec} is for the
   * pidfile supervisor).
   *
   * <pre>{@code
   * SystemdService flask = SystemdService.named("flask-demo")
   *     .unit(web.systemdUnit("Flask demo served by gunicorn", "www-data")).build();
   * }</pre>
   *
   * @param description the unit's {@code Description=}
   * @param user the user to run as; empty for root
   */
  public String systemdUnit(String description, String user) {
    String userLine = user.isEmpty() ? "" : "User=" + user + "\n";
    return String.format(UNIT, description, userLine, SystemdQuoting.path(chdir),
        SystemdQuoting.commandLine(serveCommand));
  }

  /**
   * The supervisor that starts, stops and signals the master; its {@link PidfileService#serve serve}
   * starts gunicorn, reloads it ({@code HUP}) or re-executes it, as the environment asks.
   */
  public PidfileService supervisor() {
    return supervisor;
  }

  /**
   * Starts gunicorn and returns as soon as it answers HTTP on its address (any status), or fails
   * with the log's tail if it exits first.
   */
  public ServiceStatus start(Host host) {
    return supervisor.start(host);
  }

  /** Stops gunicorn (TERM lets workers finish their requests; KILL after the stop timeout). */
  public ServiceStatus stop(Host host) {
    return supervisor.stop(host);
  }

  /** Whether the master runs. */
  public ServiceStatus status(Host host) {
    return supervisor.status(host);
  }

  /**
   * Graceful reload ({@code HUP}): new workers load the code {@code current} points at now, old
   * workers finish their requests. For code changes; the Python environment stays the same.
   *
   * @return the master's pid (unchanged)
   */
  public long reload(Host host) {
    return supervisor.signal(host, "HUP");
  }

  /**
   * Re-executes the master ({@code USR2}) so that it loads a changed Python environment, waits
   * until the new master's workers have stayed up for the start timeout, then stops the old
   * master gracefully; one round trip.
   *
   * @return the new master's pid; empty in a dry run, which cannot know it
   * @throws ServiceException if gunicorn is not running, or if the new master does not come up
   *     (the old one then still serves)
   */
  public OptionalLong reexec(Host host) {
    CommandResult result = host.run(reexec.allowFailure());
    if (result.exitStatus() == NOT_RUNNING || result.exitStatus() == NEW_MASTER_FAILED) {
      throw new ServiceException(host.name(), supervisor.name(), "Cannot re-execute " + supervisor.name() + " on "
          + host.name() + ": " + result.stderr().strip() + " (log " + supervisor.log() + ")");
    }
    if (!result.succeeded()) {
      throw new CommandFailedException(host.context(), result);
    }
    if (host.context().dryRun()) {
      return OptionalLong.empty();
    }
    String[] words = result.output().split(" ");
    return OptionalLong.of(Long.parseLong(words[words.length - 1]));
  }

  @Override
  public String toString() {
    return "Gunicorn[" + String.join(" ", command) + "]";
  }

  /** Describes a {@link Gunicorn}; the deploy path and the venv are required. */
  public static final class Builder {
    private final String app;
    private String name = "gunicorn";
    private String deployTo;
    private String venv;
    private String bind = "127.0.0.1:8000";
    private int workers = 2;
    private List<String> extraArgs = List.of();
    private String pidfile;
    private String log;
    private Duration startTimeout = Duration.ofSeconds(2);

    private Builder(String app) {
      if (!requireNonNull(app, "app").matches("[A-Za-z_][\\w.]*(:[A-Za-z_][\\w.()]*)?")) {
        throw new IllegalArgumentException("not a WSGI app (module:variable): " + app);
      }
      this.app = app;
    }

    /** The service's name in messages; {@code gunicorn} unless said otherwise. */
    public Builder named(String serviceName) {
      this.name = requireNonNull(serviceName, "serviceName");
      return this;
    }

    /** The deploy path: gunicorn runs in {@code <deployTo>/current}, the symlink. */
    public Builder deployTo(String path) {
      this.deployTo = absolute(path, "deployTo");
      return this;
    }

    /** The virtual environment holding gunicorn ({@code <venv>/bin/gunicorn}); {@code /usr} for the OS's. */
    public Builder venv(String path) {
      this.venv = absolute(path, "venv");
      return this;
    }

    /** Where gunicorn listens; {@code 127.0.0.1:8000} unless said otherwise. */
    public Builder bind(String address) {
      this.bind = requireNonNull(address, "address");
      return this;
    }

    /** How many worker processes; 2 unless said otherwise. */
    public Builder workers(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("workers must be >= 1, was " + count);
      }
      this.workers = count;
      return this;
    }

    /**
     * More command-line options, e.g. {@code "--timeout", "60"}, replacing those given before;
     * {@code --preload} is refused.
     */
    public Builder args(String... more) {
      for (String arg : more) {
        if (arg.equals("--preload") || arg.startsWith("--chdir") || arg.startsWith("--pid")) {
          throw new IllegalArgumentException(arg + " is managed by Gunicorn (and --preload stops a HUP from "
              + "loading new code); leave it out");
        }
      }
      this.extraArgs = List.of(more);
      return this;
    }

    /** The supervisor's pidfile; {@code <deployTo>/shared/pids/<name>.pid} unless said otherwise. */
    public Builder pidfile(String path) {
      this.pidfile = absolute(path, "pidfile");
      return this;
    }

    /** The log of gunicorn's output; {@code <deployTo>/shared/log/<name>.log} unless said otherwise. */
    public Builder log(String path) {
      this.log = absolute(path, "log");
      return this;
    }

    /**
     * How long a re-executed master's workers must keep running to count as started, and, for a
     * unix socket (which has no readiness probe), how long a started master must; 2 s unless said
     * otherwise. A start on a TCP address returns as soon as gunicorn answers (within 30 s).
     */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /** The gunicorn service; fails naming what is missing. */
    public Gunicorn build() {
      if (deployTo == null || venv == null) {
        throw new IllegalStateException("gunicorn for " + app + " needs deployTo(\"/opt/app\") and "
            + "venv(\"/opt/app/shared/venv\") (the venv holding bin/gunicorn)");
      }
      return new Gunicorn(this);
    }

    private static String absolute(String path, String what) {
      if (!requireNonNull(path, what).startsWith("/")) {
        throw new IllegalArgumentException(what + " must be an absolute path, was: " + path);
      }
      return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
  }

  private static String script(String name) {
    try (InputStream in = Gunicorn.class.getResourceAsStream(name)) {
      return new String(requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tenths(Duration duration) {
    return String.valueOf((duration.toMillis() + 99) / 100);
  }
}
