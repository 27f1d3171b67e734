package dev.slipway.service;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the host-side pidfile supervisor answered to a {@link SupervisorRequest}. The one place that
 * reads the supervisor's words ({@link #read}) and writes them ({@link #protocolText}, for fakes).
 */
public sealed interface SupervisorAnswer {
  /** The line the supervisor's answer starts with. */
  String PREFIX = "slipway-pidfile ";

  /** The process runs. */
  static SupervisorAnswer running(long pid) {
    return new Running(pid, Optional.empty());
  }

  /** The process was not running (no pidfile). */
  static SupervisorAnswer notRunning() {
    return new NotRunning();
  }

  /** A serve started the process. */
  static SupervisorAnswer started(long pid) {
    return new Served(Served.Way.STARTED, pid);
  }

  /** A serve found the process running the environment and sent it the reload signal. */
  static SupervisorAnswer reloaded(long pid) {
    return new Served(Served.Way.RELOADED, pid);
  }

  /** A serve found the process running another environment and re-executed it; {@code pid} is the new one's. */
  static SupervisorAnswer reexecuted(long pid) {
    return new Served(Served.Way.REEXECUTED, pid);
  }

  /** The text the supervisor prints for this answer; a fake host answers a request with it. */
  String protocolText();

  /**
   * Reads the supervisor's standard output.
   *
   * @throws IllegalArgumentException if it holds no answer
   */
  static SupervisorAnswer read(String stdout) {
    List<String> lines = stdout.lines().toList();
    int at = lines.size() - 1;
    while (at >= 0 && !lines.get(at).startsWith(PREFIX)) {
      at--;
    }
    if (at < 0) {
      throw new IllegalArgumentException("no answer from the pidfile supervisor in: " + stdout.strip());
    }
    String[] words = lines.get(at).substring(PREFIX.length()).strip().split(" ");
    List<String> log = lines.subList(at + 1, lines.size());
    return switch (words[0]) {
      case "running" -> new Running(pid(words), words.length > 2 ? Elapsed.parse(words[2]) : Optional.empty());
      case "already-running" -> new AlreadyRunning(pid(words));
      case "stopped" -> new Stopped(pid(words), false);
      case "killed" -> new Stopped(pid(words), true);
      case "stale" -> new Stale(pid(words));
      case "not-running" -> new NotRunning();
      case "died" -> new Died(log);
      case "not-ready" -> new NotReady(pid(words), log);
      case "reexec-failed" -> new ReexecFailed(String.join(" ", log));
      default -> served(words, lines.get(at));
    };
  }

  private static SupervisorAnswer served(String[] words, String line) {
    return switch (words[0]) {
      case "started" -> new Served(Served.Way.STARTED, pid(words));
      case "reloaded" -> new Served(Served.Way.RELOADED, pid(words));
      case "reexecuted" -> new Served(Served.Way.REEXECUTED, pid(words));
      case "restarted" -> new Served(Served.Way.RESTARTED, pid(words));
      default -> throw new IllegalArgumentException("unknown answer from the pidfile supervisor: " + line);
    };
  }

  private static long pid(String[] words) {
    return Long.parseLong(words[1]);
  }

  private static String lines(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  /**
   * The process runs.
   *
   * @param pid its pid
   * @param uptime how long it has run, where the host's {@code ps} says
   */
  record Running(long pid, Optional<Duration> uptime) implements SupervisorAnswer {
    public Running {
      requireNonNull(uptime, "uptime");
    }

    @Override
    public String protocolText() {
      return PREFIX + "running " + pid + " " + uptime.map(Elapsed::format).orElse("-") + "\n";
    }
  }

  /** A start found the process already running as {@code pid}. */
  record AlreadyRunning(long pid) implements SupervisorAnswer {
    @Override
    public String protocolText() {
      return PREFIX + "already-running " + pid + "\n";
    }
  }

  /** The process {@code pid} was stopped: by TERM, or by KILL after the stop timeout ({@code killed}). */
  record Stopped(long pid, boolean killed) implements SupervisorAnswer {
    @Override
    public String protocolText() {
      return PREFIX + (killed ? "killed " : "stopped ") + pid + "\n";
    }
  }

  /** The pidfile named {@code pid}, which is gone or runs another program. */
  record Stale(long pid) implements SupervisorAnswer {
    @Override
    public String protocolText() {
      return PREFIX + "stale " + pid + "\n";
    }
  }

  /** There was no pidfile. */
  record NotRunning() implements SupervisorAnswer {
    @Override
    public String protocolText() {
      return PREFIX + "not-running\n";
    }
  }

  /**
   * A start saw the process exit.
   *
   * @param log what it logged since the start: its last lines, after its first error line when that
   *     scrolled away
   */
  record Died(List<String> log) implements SupervisorAnswer {
    public Died {
      log = List.copyOf(log);
    }

    @Override
    public String protocolText() {
      return PREFIX + "died\n" + lines(log);
    }
  }

  /** A start's readiness probe never succeeded within the start timeout; {@code pid} was stopped. */
  record NotReady(long pid, List<String> log) implements SupervisorAnswer {
    public NotReady {
      log = List.copyOf(log);
    }

    @Override
    public String protocolText() {
      return PREFIX + "not-ready " + pid + "\n" + lines(log);
    }
  }

  /**
   * A serve made the process serve the environment it was given.
   *
   * @param way how: started, reloaded (the reload signal), re-executed, or restarted
   * @param pid the process's pid afterwards
   */
  record Served(Way way, long pid) implements SupervisorAnswer {
    public Served {
      requireNonNull(way, "way");
    }

    @Override
    public String protocolText() {
      return PREFIX + way.name().toLowerCase(java.util.Locale.ROOT) + " " + pid + "\n";
    }

    /** How a serve made the process serve the environment. */
    public enum Way {
      STARTED, RELOADED, REEXECUTED, RESTARTED
    }
  }

  /** A serve's re-exec failed; the old process still serves. {@code reason} is the re-exec's last complaint. */
  record ReexecFailed(String reason) implements SupervisorAnswer {
    public ReexecFailed {
      requireNonNull(reason, "reason");
    }

    @Override
    public String protocolText() {
      return PREFIX + "reexec-failed\n" + reason + "\n";
    }
  }
}
