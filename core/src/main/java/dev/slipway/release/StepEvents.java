package dev.slipway.release;

import dev.slipway.event.EventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's step events and step timings. While a step's operations wait for a later round trip,
 * its end is held back, and so is every event after it, until the batch says how the step went:
 * listeners see the steps in order, each ending as it did on the host.
 */
final class StepEvents {
  private static final Logger log = LoggerFactory.getLogger(Releases.class);

  private final List<EventListener> listeners;
  private final Map<Step, Duration> timings = new LinkedHashMap<>();
  private final List<StepEvent> held = new ArrayList<>();

  StepEvents(List<EventListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** Publishes {@code event}, or holds it when {@code hold} or when earlier events are held. */
  void add(StepEvent event, boolean hold) {
    if (hold || !held.isEmpty()) {
      held.add(event);
    } else {
      publish(event);
    }
  }

  /** Publishes the held events: their steps went as they said. */
  void publishHeld() {
    List<StepEvent> events = List.copyOf(held);
    held.clear();
    events.forEach(this::publish);
  }

  /**
   * Publishes the held events up to the end of {@code failed}, published as its failure, and drops
   * the rest: those steps never ran on the host. Whether the end of {@code failed} was held.
   */
  boolean publishHeldFailing(Step failed) {
    List<StepEvent> events = List.copyOf(held);
    held.clear();
    for (StepEvent event : events) {
      if (event.step() == failed && event.status() != StepEvent.Status.STARTED) {
        publish(new StepEvent(event.host(), event.at(), event.release(), failed, StepEvent.Status.FAILED,
            event.duration()));
        return true;
      }
      publish(event);
    }
    return false;
  }

  /**
   * Publishes the held starts and drops the held ends: a batch stopped where nobody can tell, so how
   * those steps went on the host is unknown.
   */
  void dropHeldEnds() {
    List<StepEvent> events = List.copyOf(held);
    held.clear();
    events.stream().filter(event -> event.status() == StepEvent.Status.STARTED).forEach(this::publish);
  }

  Map<Step, Duration> timings() {
    return timings;
  }

  private void publish(StepEvent event) {
    if (event.status() != StepEvent.Status.STARTED) {
      log.debug("{}: {} {} for release {} in {} ms", event.host(), event.step().hookName(),
          event.status().name().toLowerCase(), event.release(), event.duration().toMillis());
      timings.merge(event.step(), event.duration(), Duration::plus);
    }
    listeners.forEach(listener -> listener.on(event));
  }
}
