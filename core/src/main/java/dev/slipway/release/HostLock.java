package dev.slipway.release;

import dev.slipway.Batch;
import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.Operation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether one host's run holds its deploy lock: taken, released, or, after a lost reply, ours or
 * not as the host says, or unknown until the host can be read again. Nothing is sent without it.
 */
final class HostLock {
  private final Host host;
  private final ReleaseLayout layout;
  private LockHolder holder;
  private boolean held;
  private boolean unknown;

  HostLock(Host host, ReleaseLayout layout) {
    this.host = host;
    this.layout = layout;
  }

  /** Takes the lock for {@code action}, with {@code more} in the same round trip. */
  void take(Clock clock, String action, List<Operation> more) {
    holder = LockHolder.thisProcess(clock, action);
    List<Operation> ops = new ArrayList<>(DeployLock.acquire(layout, holder));
    ops.addAll(more);
    try {
      host.apply(new Batch(ops));
    } catch (CommandFailedException e) {
      throw DeployLock.explain(host, layout, holder, e);
    } catch (RuntimeException lost) {
      // The batch may have run though its reply was lost: a lock that is ours is released on the way out.
      read();
      throw lost;
    }
    held = true;
  }

  /**
   * After the reply of {@code batch} was lost: whether it ran whole, as a batch that ends by
   * releasing the lock did when the lock is no longer ours.
   */
  boolean ranDespiteLostReply(Batch batch) {
    return held && read() == DeployLock.Holding.NOT_OURS && batch.operations().contains(DeployLock.release(layout));
  }

  /** Throws unless the lock is held, reading it again first when a lost reply left that unknown. */
  void require() {
    if (unknown && read() == DeployLock.Holding.UNREADABLE) {
      throw new ReleaseException(host.name() + ": cannot tell whether the deploy lock " + layout.lock()
          + " is still ours after a lost reply; sent nothing more");
    }
    if (!held) {
      throw new ReleaseException(host.name() + ": the deploy lock " + layout.lock() + " is not ours; sent nothing");
    }
  }

  private DeployLock.Holding read() {
    DeployLock.Holding holding = DeployLock.holding(host, layout, holder);
    held = holding != DeployLock.Holding.NOT_OURS;
    unknown = holding == DeployLock.Holding.UNREADABLE;
    return holding;
  }

  /** The lock was released, or is given up. */
  void released() {
    held = false;
  }

  boolean held() {
    return held;
  }

  /** Whether the lock is held and known to be ours, so that it may be released without asking. */
  boolean surelyHeld() {
    return held && !unknown;
  }
}
