package dev.slipway.node;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * What one host's task produced: a value, a failure, or nothing because the run was cancelled
 * before (or while) it ran or an earlier host failed in a sequence.
 *
 * @param host the host's name
 * @param status how the task ended
 * @param value what the task returned; {@code null} unless it succeeded (and for {@code Void} tasks)
 * @param failure what the task threw; {@code null} when it succeeded or never started
 * @param duration the wall time of the task, zero if it never started
 * @param <T> the type of the task's value
 */
public record HostResult<T>(String host, Status status, T value, Throwable failure, Duration duration) {
  public HostResult {
    requireNonNull(host, "host");
    requireNonNull(status, "status");
    requireNonNull(duration, "duration");
    if (status == Status.FAILED) {
      requireNonNull(failure, "failure");
    }
  }

  static <T> HostResult<T> succeeded(String host, T value, Duration duration) {
    return new HostResult<>(host, Status.SUCCEEDED, value, null, duration);
  }

  static <T> HostResult<T> failed(String host, T value, Throwable failure, Duration duration) {
    return new HostResult<>(host, Status.FAILED, value, failure, duration);
  }

  static <T> HostResult<T> cancelled(String host, Throwable failure, Duration duration) {
    return new HostResult<>(host, Status.CANCELLED, null, failure, duration);
  }

  static <T> HostResult<T> skipped(String host) {
    return new HostResult<>(host, Status.SKIPPED, null, null, Duration.ZERO);
  }

  /** Whether the task ended normally. */
  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }

  /** The failure, if any. */
  public Optional<Throwable> error() {
    return Optional.ofNullable(failure);
  }

  /** How a host's task ended. */
  public enum Status {
    /** It returned normally. */
    SUCCEEDED,
    /** It threw (for commands: exited non-zero without {@code allowFailure()}). */
    FAILED,
    /** The run was cancelled before it started or while it ran. */
    CANCELLED,
    /** It never started because an earlier host failed in a {@linkplain Hosts#inSequence() sequence}. */
    SKIPPED
  }
}
