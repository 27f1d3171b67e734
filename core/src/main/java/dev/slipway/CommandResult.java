package dev.slipway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How a command ended on a host. A plain record: tests and fakes build their own.
 *
 * @param host the name of the host that ran it
 * @param command the command, whose {@code toString()} masks secrets
 * @param exitStatus the exit status, 0 for success
 * @param stdout everything written to standard output (UTF-8)
 * @param stderr everything written to standard error (UTF-8)
 * @param duration the wall time from start to exit
 */
public record CommandResult(String host, Command command, int exitStatus, String stdout, String stderr,
                            Duration duration) {
  public CommandResult {
    requireNonNull(host, "host");
    requireNonNull(command, "command");
    requireNonNull(stdout, "stdout");
    requireNonNull(stderr, "stderr");
    requireNonNull(duration, "duration");
  }

  /** A command that was deliberately not run (dry-run); counts as success. */
  public static CommandResult skipped(String host, Command command) {
    return new CommandResult(host, command, 0, "", "", Duration.ZERO);
  }

  /** Whether the exit status is 0. */
  public boolean succeeded() {
    return exitStatus == 0;
  }

  /** Standard output without its trailing newline, the way shells capture {@code $(...)}. */
  public String output() {
    return stdout.stripTrailing();
  }

  /** The last {@code n} lines of stderr. */
  public List<String> stderrTail(int n) {
    List<String> lines = stderr.lines().toList();
    return lines.subList(Math.max(0, lines.size() - n), lines.size());
  }
}
