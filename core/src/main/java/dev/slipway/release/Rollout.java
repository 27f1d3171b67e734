package dev.slipway.release;

import java.util.ArrayList;
import java.util.List;

/**
 * How many hosts a deploy changes at a time, like Ansible's {@code serial} and
 * {@code max_fail_percentage}. Each batch is deployed two-phase on its own; a deploy stops before
 * the next batch once more than {@code maxFailurePercent} of all hosts have failed.
 *
 * <pre>{@code
 * releases.rollout(Rollout.batchesOf(2).withMaxFailurePercent(25));
 * releases.rollout(Rollout.percent(50));
 * }</pre>
 *
 * @param batchSize hosts per batch; 0 when {@code batchPercent} decides
 * @param batchPercent percentage of the hosts per batch (rounded up); 0 when {@code batchSize} decides
 * @param maxFailurePercent the share of failed hosts that is still tolerated, 0 to stop at the first
 */
public record Rollout(int batchSize, int batchPercent, int maxFailurePercent) {
  public Rollout {
    if (batchSize < 0 || batchPercent < 0 || batchPercent > 100 || (batchSize == 0) == (batchPercent == 0)) {
      throw new IllegalArgumentException("give either a batch size >= 1 or a batch percentage in 1..100, was "
          + batchSize + " hosts / " + batchPercent + "%");
    }
    if (maxFailurePercent < 0 || maxFailurePercent > 100) {
      throw new IllegalArgumentException("maxFailurePercent must be in 0..100, was " + maxFailurePercent);
    }
  }

  /** Every host in one batch: the whole deploy is two-phase (the default). */
  public static Rollout allAtOnce() {
    return new Rollout(0, 100, 0);
  }

  /** {@code hosts} hosts at a time. */
  public static Rollout batchesOf(int hosts) {
    if (hosts < 1) {
      throw new IllegalArgumentException("batchesOf must be >= 1, was " + hosts);
    }
    return new Rollout(hosts, 0, 0);
  }

  /** {@code percent} of the hosts at a time, rounded up to at least one host. */
  public static Rollout percent(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percent must be in 1..100, was " + percent);
    }
    return new Rollout(0, percent, 0);
  }

  /** This rollout, tolerating failures on up to {@code percent} of the hosts before it stops. */
  public Rollout withMaxFailurePercent(int percent) {
    return new Rollout(batchSize, batchPercent, percent);
  }

  /** {@code hosts} cut into batches, in order. */
  public <T> List<List<T>> batches(List<T> hosts) {
    int size = batchSize > 0 ? batchSize : Math.max(1, (hosts.size() * batchPercent + 99) / 100);
    List<List<T>> batches = new ArrayList<>();
    for (int start = 0; start < hosts.size(); start += size) {
      batches.add(List.copyOf(hosts.subList(start, Math.min(hosts.size(), start + size))));
    }
    return batches;
  }

  /** Whether {@code failed} of {@code total} hosts is more than this rollout tolerates. */
  public boolean exceeded(int failed, int total) {
    return failed > 0 && failed * 100 > maxFailurePercent * total;
  }
}
