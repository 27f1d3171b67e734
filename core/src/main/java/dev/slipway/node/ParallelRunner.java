package dev.slipway.node;

import dev.slipway.Host;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task per host with at most {@code parallelism} running at once. The calling thread is
 * one of the workers, so one host or a parallelism of 1 costs no thread. Results come back in host
 * order. Each call has its own workers, so nested calls (a host task that runs on other hosts)
 * cannot deadlock waiting for a shared pool.
 */
final class ParallelRunner {
  private static final Logger log = LoggerFactory.getLogger(ParallelRunner.class);

  private final int parallelism;
  private final boolean stopAtFirstFailure;
  private final Scope scope;

  ParallelRunner(int parallelism, boolean stopAtFirstFailure, Scope scope) {
    this.parallelism = RunSettings.checkParallelism(parallelism);
    this.stopAtFirstFailure = stopAtFirstFailure;
    this.scope = scope;
  }

  /**
   * Runs {@code task} on every host and reports each outcome.
   *
   * @throws ExecutionCancelledException if the execution was cancelled before every host finished
   */
  <T> HostResults<T> run(String what, List<Host> targets, Function<Host, T> task) {
    if (targets.isEmpty()) {
      log.warn("{}: no hosts to run on", what);
    }
    AtomicReferenceArray<HostResult<T>> results = new AtomicReferenceArray<>(targets.size());
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < targets.size(); i = next.getAndIncrement()) {
        Host target = targets.get(i);
        HostResult<T> result = stopAtFirstFailure && failed.get() ? HostResult.skipped(target.name())
            : attempt(target.name(), () -> task.apply(target));
        failed.compareAndSet(false, !result.succeeded());
        results.set(i, result);
      }
    };
    runWorkers(worker, Math.min(parallelism, targets.size()));
    List<HostResult<T>> ordered = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      ordered.add(results.get(i));
    }
    HostResults<T> all = new HostResults<>(ordered);
    if (scope.settings().control().cancelled() && !all.allSucceeded()) {
      throw new ExecutionCancelledException(what, all);
    }
    return all;
  }

  private <T> HostResult<T> attempt(String host, Supplier<T> task) {
    Control control = scope.settings().control();
    if (control.cancelled()) {
      return HostResult.cancelled(host, null, Duration.ZERO);
    }
    Instant start = Instant.now();
    try {
      T value = control.interruptible(() -> scope.call(task));
      return HostResult.succeeded(host, value, Duration.between(start, Instant.now()));
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      Duration took = Duration.between(start, Instant.now());
      return control.cancelled() ? HostResult.cancelled(host, e, took) : HostResult.failed(host, null, e, took);
    }
  }

  private static void runWorkers(Runnable worker, int count) {
    Thread[] helpers = new Thread[Math.max(0, count - 1)];
    for (int i = 0; i < helpers.length; i++) {
      helpers[i] = new Thread(worker, "slipway-worker-" + i);
      helpers[i].setDaemon(true);
      helpers[i].start();
    }
    worker.run();
    joinAll(Arrays.asList(helpers));
  }

  // Workers never outlive the call: if this thread is interrupted while waiting, the helpers are
  // interrupted too, awaited, and the interrupt is passed on.
  private static void joinAll(List<Thread> helpers) {
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (helper.isAlive()) {
        try {
          helper.join();
        } catch (InterruptedException e) {
          interrupted = true;
          helpers.forEach(Thread::interrupt);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
