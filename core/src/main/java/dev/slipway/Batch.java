package dev.slipway;

import java.util.ArrayList;
import java.util.List;

/**
 * Operations sent to a host together, in order, stopping at the first that fails. A real
 * transport runs a batch as one shell script in one exec channel: one round trip per batch.
 *
 * <pre>{@code
 * host.apply(Batch.of(
 *     new Operation.Mkdirs(layout.releases()),
 *     new Operation.Symlink(release, layout.current())));
 * }</pre>
 *
 * @param operations the operations, run in order
 */
public record Batch(List<Operation> operations) {
  public Batch {
    operations = List.copyOf(operations);
  }

  /** A batch of {@code operations}. */
  public static Batch of(Operation... operations) {
    return new Batch(List.of(operations));
  }

  /** This batch followed by {@code more}. */
  public Batch then(Operation... more) {
    List<Operation> all = new ArrayList<>(operations);
    all.addAll(List.of(more));
    return new Batch(all);
  }

  /** Whether there is nothing to do. */
  public boolean isEmpty() {
    return operations.isEmpty();
  }
}
