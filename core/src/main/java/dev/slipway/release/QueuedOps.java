package dev.slipway.release;

import dev.slipway.Batch;
import dev.slipway.Operation;
import dev.slipway.SlipwayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The operations a host's run has queued for its next round trip, and beside them what a failed
 * batch needs to be understood: how a hook's or a health check's command says it failed, what runs
 * instead of a group of operations that failed (a source's install), and marks closing each part of
 * the batch with the step that sends it (an operation's failure fails that step) and what the part
 * having run means for the run.
 */
final class QueuedOps {
  private final List<Operation> ops = new ArrayList<>();
  private final List<Function<SlipwayException, RuntimeException>> explanations = new ArrayList<>();
  private final List<Optional<Runnable>> fallbacks = new ArrayList<>();
  private final List<Mark> marks = new ArrayList<>();

  /**
   * The end of a part of the batch.
   *
   * @param end the index after the part's last operation
   * @param step the step that sends the part, empty outside steps
   * @param ran what to do once the whole part ran
   */
  record Mark(int end, Optional<Step> step, Runnable ran) {}

  /** Queues {@code op}; its failure reads as the batch's own. */
  void add(Operation op) {
    add(op, failure -> failure);
  }

  /** Queues {@code op}, whose failure {@code explanation} turns into the failure of what queued it. */
  void add(Operation op, Function<SlipwayException, RuntimeException> explanation) {
    add(op, explanation, Optional.empty());
  }

  /** Queues {@code group}, and {@code fallback} to run instead of it if one of them fails. */
  void addWithFallback(List<Operation> group, Runnable fallback) {
    group.forEach(op -> add(op, failure -> failure, Optional.of(fallback)));
  }

  private void add(Operation op, Function<SlipwayException, RuntimeException> explanation,
      Optional<Runnable> fallback) {
    ops.add(op);
    explanations.add(explanation);
    fallbacks.add(fallback);
  }

  /** Queues what {@code taken} holds from operation {@code from} on, with its marks. */
  void requeue(Taken taken, int from) {
    List<Operation> rest = taken.batch().operations();
    int base = ops.size() - from;
    for (int i = from; i < rest.size(); i++) {
      add(rest.get(i), taken.explanations().get(i), taken.fallbacks().get(i));
    }
    taken.marks().stream().filter(mark -> mark.end() > from)
        .forEach(mark -> marks.add(new Mark(mark.end() + base, mark.step(), mark.ran())));
  }

  /** Closes the part queued since the last mark: sent in {@code step}; {@code ran} once it ran. */
  void mark(Optional<Step> step, Runnable ran) {
    marks.add(new Mark(ops.size(), step, ran));
  }

  /** Removes the operations queued since the last mark that {@code which} matches. */
  void removeSinceMark(Predicate<Operation> which) {
    int from = marks.isEmpty() ? 0 : marks.get(marks.size() - 1).end();
    for (int i = ops.size() - 1; i >= from; i--) {
      if (which.test(ops.get(i))) {
        ops.remove(i);
        explanations.remove(i);
        fallbacks.remove(i);
      }
    }
  }

  boolean isEmpty() {
    return ops.isEmpty() && marks.isEmpty();
  }

  /** Drops everything queued. */
  void clear() {
    ops.clear();
    explanations.clear();
    fallbacks.clear();
    marks.clear();
  }

  /** Takes everything queued, closed by a mark for {@code step}, leaving nothing. */
  Taken take(Optional<Step> step) {
    mark(step, () -> { });
    Taken taken = new Taken(new Batch(ops), List.copyOf(explanations), List.copyOf(fallbacks), List.copyOf(marks));
    clear();
    return taken;
  }

  /**
   * Operations taken for one round trip.
   *
   * @param batch what is sent
   * @param explanations how each operation's failure reads
   * @param fallbacks what runs instead of each operation's group when it fails
   * @param marks the parts of the batch, in order, the last ending the batch
   */
  record Taken(Batch batch, List<Function<SlipwayException, RuntimeException>> explanations,
      List<Optional<Runnable>> fallbacks, List<Mark> marks) {

    /** The step that sends operation {@code index}: the one of the part it belongs to. */
    Optional<Step> stepOf(int index) {
      return marks.stream().filter(mark -> mark.end() > index).findFirst().flatMap(Mark::step);
    }

    /** The step that sent the batch's first part in a step, if any: where a batch that stopped who knows where may have stopped. */
    Optional<Step> firstStep() {
      return marks.stream().map(Mark::step).flatMap(Optional::stream).findFirst();
    }

    /** Runs {@code ran} of every part that ended after operation {@code from} and before operation {@code to}. */
    void ranBetween(int from, int to) {
      marks.stream().filter(mark -> mark.end() > from && mark.end() <= to).forEach(mark -> mark.ran().run());
    }

    /** The index after the group of operation {@code index}: where the batch goes on once its fallback ran. */
    int afterGroup(int index) {
      Runnable fallback = fallbacks.get(index).orElseThrow();
      int end = index;
      while (end < fallbacks.size() && fallbacks.get(end).filter(other -> other == fallback).isPresent()) {
        end++;
      }
      return end;
    }

    /** {@code failure} of operation {@code index} as what queued it says it. */
    RuntimeException explain(int index, SlipwayException failure) {
      return explanations.get(index).apply(failure);
    }
  }
}
