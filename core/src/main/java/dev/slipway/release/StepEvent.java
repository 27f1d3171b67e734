package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import dev.slipway.event.Event;
import java.time.Duration;
import java.time.Instant;

/**
 * A deploy or rollback step started or ended on a host, for progress displays and logs.
 *
 * @param host the host
 * @param at when
 * @param release the release the step works on
 * @param step the step
 * @param status whether it started, succeeded or failed
 * @param duration how long it took; zero when it started
 */
public record StepEvent(String host, Instant at, ReleaseId release, Step step, Status status, Duration duration)
    implements Event {
  public StepEvent {
    requireNonNull(host, "host");
    requireNonNull(at, "at");
    requireNonNull(release, "release");
    requireNonNull(step, "step");
    requireNonNull(status, "status");
    requireNonNull(duration, "duration");
  }

  /** How far a step got. */
  public enum Status { STARTED, SUCCEEDED, FAILED }
}
