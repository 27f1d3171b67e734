package dev.slipway.release;

import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deploy lock of one {@code deployTo}: a directory made with {@code mkdir}, which succeeds for
 * exactly one of two racing deploys, with a file inside naming its holder. No check-then-write.
 */
final class DeployLock {
  private DeployLock() {}

  /**
   * The operations that take the lock for {@code holder}; the batch stops at the {@code mkdir} when
   * the lock is held, so whatever follows runs only for the holder.
   */
  static List<Operation> acquire(ReleaseLayout layout, LockHolder holder) {
    List<Operation> ops = new ArrayList<>();
    ops.add(new Operation.Mkdirs(layout.state()));
    ops.add(new Operation.CreateDirectory(layout.lock()));
    ops.add(new Operation.WriteFile(layout.lockHolder(), holder.format(), 0644));
    return ops;
  }

  /**
   * What a failed acquire batch means: {@link DeployLockedException} naming the holder when the lock
   * belongs to someone else, else the failure itself.
   */
  static RuntimeException explain(Host host, ReleaseLayout layout, LockHolder self, CommandFailedException failure) {
    if (!host.exists(layout.lock())) {
      return failure;
    }
    if (holding(host, layout, self) == Holding.OURS) {
      return failure;
    }
    return new DeployLockedException(host.name(), layout.lock(), holder(host, layout));
  }

  /** Who holds a lock, as a host tells after a round trip whose reply was lost. */
  enum Holding {
    /** {@code self} holds it. */
    OURS,
    /** Nobody, or someone else: not ours to release. */
    NOT_OURS,
    /** The host cannot be read: ours or not, nobody can tell yet. */
    UNREADABLE
  }

  /** Whether the lock is {@code self}'s, someone else's or nobody's, or whether the host cannot tell. */
  static Holding holding(Host host, ReleaseLayout layout, LockHolder self) {
    try {
      return holder(host, layout).filter(h -> h.token().equals(self.token())).isPresent() ? Holding.OURS
          : Holding.NOT_OURS;
    } catch (RuntimeException unreadable) {
      return Holding.UNREADABLE;
    }
  }

  /** The operation that releases the lock. */
  static Operation release(ReleaseLayout layout) {
    return new Operation.Remove(layout.lock());
  }

  static Optional<LockHolder> holder(Host host, ReleaseLayout layout) {
    if (!host.exists(layout.lockHolder())) {
      return Optional.empty();
    }
    return LockHolder.parse(host.readString(layout.lockHolder()));
  }
}
