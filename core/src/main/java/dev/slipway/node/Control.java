package dev.slipway.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

  /** Registers the current thread for interruption until the returned handle is closed. */
  Registration register() {
    Thread thread = Thread.currentThread();
    running.add(thread);
    if (cancelled) {
      thread.interrupt();
    }
    return () -> running.remove(thread);
  }

  /** Unregisters a thread; never throws. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
