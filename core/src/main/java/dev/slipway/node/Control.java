package dev.slipway.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cancellation state shared by everything one execution runs: once cancelled, no new host task
 * starts and every registered thread is interrupted.
 */
final class Control {
  // A list, not a set: a thread can be registered twice (an action that is also a host worker).
  private final List<Thread> running = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean cancelled;

  boolean cancelled() {
    return cancelled;
  }

  void cancel() {
    cancelled = true;
    synchronized (running) {
      running.forEach(Thread::interrupt);
    }
  }

  /** Runs {@code work} with the current thread registered for interruption by {@link #cancel()}. */
  <T> T interruptible(Supplier<T> work) {
    Thread thread = Thread.currentThread();
    running.add(thread);
    if (cancelled) {
      thread.interrupt();
    }
    try {
      return work.get();
    } finally {
      running.remove(thread);
    }
  }
}
