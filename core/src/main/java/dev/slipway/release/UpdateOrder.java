package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * When the service stops during an update. The default, {@link #zeroDowntime()}, keeps it running
 * until the switch (data backups are taken while it runs). {@link #stopFirst(Hook)} is paquerette's
 * order: download and prepare, stop the service, back up the data, switch (the after-symlink hooks
 * migrate and restart); a deploy that fails after the stop starts the service again on the old
 * release, and a rollback that restores data stops the service first too.
 */
public final class UpdateOrder {
  private static final UpdateOrder ZERO_DOWNTIME = new UpdateOrder(Optional.empty());

  private final Optional<Hook> stop;

  private UpdateOrder(Optional<Hook> stop) {
    this.stop = stop;
  }

  /** The service runs until the switch. */
  public static UpdateOrder zeroDowntime() {
    return ZERO_DOWNTIME;
  }

  /** {@code stop} runs (on the live release) after the release is prepared and before its data is backed up. */
  public static UpdateOrder stopFirst(Hook stop) {
    return new UpdateOrder(Optional.of(requireNonNull(stop, "stop")));
  }

  /** The hook that stops the service, in the stop-first order. */
  public Optional<Hook> stop() {
    return stop;
  }

  @Override
  public String toString() {
    return stop.isPresent() ? "UpdateOrder[stop first]" : "UpdateOrder[zero downtime]";
  }
}
