package dev.slipway.release;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs one action per host on a bounded number of threads and waits for all of them. */
final class Parallel {
  private Parallel() {}

  /** Runs {@code action} on each item; {@code action} records its own failures and must not throw. */
  static <T> void each(List<T> items, int parallelism, Consumer<T> action) {
    if (items.size() <= 1 || parallelism == 1) {
      items.forEach(action);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), runnable -> {
      Thread thread = new Thread(runnable, "slipway-release");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      items.forEach(item -> futures.add(pool.submit(() -> action.accept(item))));
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReleaseException("interrupted while waiting for hosts", e);
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** What an action threw, as it was thrown, so a broken action fails like it would on one thread. */
  private static RuntimeException unchecked(Throwable thrown) {
    if (thrown instanceof Error error) {
      throw error;
    }
    return thrown instanceof RuntimeException runtime ? runtime
        : new IllegalStateException("a host action threw " + thrown, thrown);
  }
}
