package dev.slipway.release;

import java.util.Optional;

/**
 * Another deploy or rollback holds the lock on a host's {@code deployTo}. Nothing was changed.
 * The message names the holder and, when it is gone, how to break the lock.
 */
public class DeployLockedException extends ReleaseException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String lockPath;
  private final transient LockHolder holder;

  public DeployLockedException(String host, String lockPath, Optional<LockHolder> holder) {
    super(describe(host, lockPath, holder));
    this.host = host;
    this.lockPath = lockPath;
    this.holder = holder.orElse(null);
  }

  /** The host whose lock is held. */
  public String host() {
    return host;
  }

  /** The lock's path on the host. */
  public String lockPath() {
    return lockPath;
  }

  /** Who holds it, when the lock names its holder. */
  public Optional<LockHolder> holder() {
    return Optional.ofNullable(holder);
  }

  /** Whether the holder is known to be gone, so the lock may be broken with {@code breakLock}. */
  public boolean stale() {
    return holder != null && holder.stale();
  }

  private static String describe(String host, String lockPath, Optional<LockHolder> holder) {
    String breakIt = "; if no deploy is running, call releases.breakLock(host) to remove " + lockPath;
    return holder.map(h -> (h.stale() ? "Stale deploy lock on " : "Deploy already running on ") + host + ": "
            + lockPath + " is held by " + h.describe()
            + (h.stale() ? "; that process is gone" + breakIt : breakIt))
        .orElse("Deploy lock on " + host + " has no readable holder: " + lockPath + breakIt);
  }
}
