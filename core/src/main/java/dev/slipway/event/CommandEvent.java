package dev.slipway.event;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A command finished (or was only checked, in dry-run).
 *
 * @param host the host it ran on
 * @param at when it finished
 * @param command the command as shown in logs (secrets masked)
 * @param context the context description, e.g. {@code in /srv/app as deploy}
 * @param outcome how it ended
 * @param exitStatus the exit status, -1 when there was none (timeout, lost connection)
 * @param duration the wall time
 */
public record CommandEvent(String host, Instant at, String command, String context, Outcome outcome,
                           int exitStatus, Duration duration) implements Event {
  public CommandEvent {
    requireNonNull(host, "host");
    requireNonNull(at, "at");
    requireNonNull(command, "command");
    requireNonNull(context, "context");
    requireNonNull(outcome, "outcome");
    requireNonNull(duration, "duration");
  }

  /** How a command ended. */
  public enum Outcome { SUCCEEDED, FAILED, TIMED_OUT, DRY_RUN, ERROR }
}
