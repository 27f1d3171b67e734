package dev.slipway.release;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a run that did not go as asked ends, once every host is cleaned up and unlocked: the
 * {@code Error} a hook, health check or source threw, else a lock refusal, else the run's failure.
 */
final class RunFailure {
  private RunFailure() {}

  /** The errors hosts recorded, first error of each host first. */
  static List<Throwable> errors(List<HostReport> hosts) {
    return hosts.stream().flatMap(host -> host.errors().stream()).toList();
  }

  /**
   * Throws the first {@code Error} among {@code errors} (as thrown, or as the cause of the step
   * failure that wrapped it), with {@code failure} suppressed in it so the report is not lost.
   */
  static void rethrowError(List<Throwable> errors, Supplier<? extends Exception> failure) {
    Optional<Error> error = errors.stream().map(RunFailure::errorIn).flatMap(Optional::stream).findFirst();
    if (error.isPresent()) {
      error.get().addSuppressed(failure.get());
      throw error.get();
    }
  }

  private static Optional<Error> errorIn(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof Error error) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }

  /**
   * The lock refusal among {@code errors}, when a run stopped before changing anything because a
   * host was locked: the first {@link DeployLockedException}, the other errors suppressed in it.
   */
  static Optional<DeployLockedException> refusal(List<Throwable> errors) {
    Optional<DeployLockedException> locked = errors.stream().filter(DeployLockedException.class::isInstance)
        .map(DeployLockedException.class::cast).findFirst();
    locked.ifPresent(refused -> errors.stream().filter(e -> e != refused).forEach(refused::addSuppressed));
    return locked;
  }
}
