package dev.slipway.service;

import dev.slipway.Command;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * How a {@link PidfileService} words what its supervisor answers: as a status, as the message of
 * the exception for a failure (with the log's tail), and as the one line a serve that failed writes
 * last on its stderr, as the script does.
 */
record SupervisorWords(String name, List<String> command, String pidfile, String log, Duration startTimeout) {
  private static final Pattern NAMED_ERROR = Pattern.compile("(Error|Exception):");
  private static final Pattern PLACED_ERROR = Pattern.compile("(Error|Exception) in ");

  /** The status {@code answer} on {@code host} says. */
  ServiceStatus status(String host, SupervisorAnswer answer) {
    if (answer instanceof SupervisorAnswer.Running running) {
      return new ServiceStatus(host, name, true, OptionalLong.of(running.pid()), "running");
    }
    if (answer instanceof SupervisorAnswer.Served served) {
      return new ServiceStatus(host, name, true, OptionalLong.of(served.pid()),
          served.way().name().toLowerCase(Locale.ROOT));
    }
    String detail = answer instanceof SupervisorAnswer.Stale stale
        ? "not running (stale pidfile " + pidfile + " named pid " + stale.pid() + ")"
        : answer instanceof SupervisorAnswer.Stopped stopped
        ? (stopped.killed() ? "killed" : "stopped") + " (was pid " + stopped.pid() + ")"
        : "not running";
    return new ServiceStatus(host, name, false, OptionalLong.empty(), detail);
  }

  /** The message of the exception for {@code answer} on {@code host}; empty when it is no failure. */
  Optional<String> message(String host, SupervisorAnswer answer) {
    if (answer instanceof SupervisorAnswer.AlreadyRunning already) {
      return Optional.of(name + " is already running on " + host + " with pid " + already.pid() + " (pidfile "
          + pidfile + "); stop it first, or call restart");
    }
    if (answer instanceof SupervisorAnswer.Died died) {
      return Optional.of(startFailure(host, "exited before it was up", died.log()));
    }
    if (answer instanceof SupervisorAnswer.NotReady notReady) {
      return Optional.of(startFailure(host, notReady(), notReady.log()));
    }
    if (answer instanceof SupervisorAnswer.ReexecFailed failed) {
      return Optional.of("Cannot re-execute " + name + " on " + host + ": " + failed.reason() + " (log " + log + ")");
    }
    return Optional.empty();
  }

  /** The one line a serve that failed with {@code answer} writes last on its stderr; empty when it is no failure. */
  Optional<String> serveLine(SupervisorAnswer answer) {
    String what = answer instanceof SupervisorAnswer.Died died ? "exited before it was up" + summary(died.log())
        : answer instanceof SupervisorAnswer.NotReady notReady ? notReady() + summary(notReady.log())
        : answer instanceof SupervisorAnswer.ReexecFailed failed ? "could not be re-executed: " + failed.reason()
        : null;
    return Optional.ofNullable(what).map(reason -> name + " " + reason + " (log " + log + ")");
  }

  private String notReady() {
    return "did not answer its readiness probe within " + startTimeout.toMillis() + " ms, so it was stopped";
  }

  private String startFailure(String host, String what, List<String> tail) {
    StringBuilder message = new StringBuilder(name).append(" on ").append(host).append(' ').append(what)
        .append(" (command ").append(Command.cmd(command.get(0), command.subList(1, command.size()).toArray()))
        .append(", log ").append(log).append(')');
    message.append(tail.isEmpty() ? "; it wrote nothing to its log" : "; last lines of its log:");
    tail.forEach(line -> message.append("\n    ").append(line));
    return message.toString();
  }

  // As the script says it: the log's first error line (one naming the error, else one saying where), and its last line.
  private static String summary(List<String> tail) {
    if (tail.isEmpty()) {
      return "; it wrote nothing to its log";
    }
    String last = tail.get(tail.size() - 1);
    return first(tail, NAMED_ERROR).or(() -> first(tail, PLACED_ERROR)).filter(line -> !line.equals(last))
        .map(line -> ": " + line + " ... " + last).orElse(": " + last);
  }

  private static Optional<String> first(List<String> lines, Pattern error) {
    return lines.stream().filter(line -> error.matcher(line).find()).findFirst();
  }
}
