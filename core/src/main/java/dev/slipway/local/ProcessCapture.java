package dev.slipway.local;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteResultHandler;
import org.apache.commons.exec.ProcessDestroyer;

/**
 * Follows one command started by commons-exec: learns its process (as the executor's
 * {@link ProcessDestroyer}), waits for the end of the run (as its {@link ExecuteResultHandler}) and
 * kills the whole process group on timeout.
 *
 * <p>commons-exec's own watchdog kills only the direct child: a {@code sleep} the script started
 * keeps the output pipes open and the run going. The command therefore runs under {@code setsid},
 * which makes its process the leader of a new group, and a timeout kills that group with
 * {@code kill -KILL -- -PID}, then every descendant still known to the JVM.
 */
final class ProcessCapture implements ProcessDestroyer, ExecuteResultHandler {
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Process process;
  private volatile int exitStatus = -1;
  private volatile ExecuteException failure;

  @Override
  public boolean add(Process started) {
    this.process = started;
    return true;
  }

  @Override
  public boolean remove(Process finished) {
    return true;
  }

  @Override
  public int size() {
    return process == null ? 0 : 1;
  }

  @Override
  public void onProcessComplete(int status) {
    exitStatus = status;
    done.countDown();
  }

  @Override
  public void onProcessFailed(ExecuteException e) {
    failure = e;
    done.countDown();
  }

  /** Waits until the run ended; {@code false} if {@code limit} passed first. */
  boolean awaitExit(Optional<Duration> limit) throws InterruptedException, IOException {
    if (limit.isEmpty()) {
      done.await();
    } else if (!done.await(limit.get().toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    if (failure != null) {
      throw failure;
    }
    return true;
  }

  /** The exit status of a finished run. */
  int exitStatus() {
    return exitStatus;
  }

  /** Kills the process group and its known descendants, then waits up to {@code grace} for the end. */
  void killGroup(Duration grace) {
    Process leader = process;
    if (leader == null) {
      return;
    }
    List<ProcessHandle> descendants = leader.descendants().toList();
    signalGroup(leader.pid());
    descendants.forEach(ProcessHandle::destroyForcibly);
    leader.destroyForcibly();
    try {
      done.await(grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void signalGroup(long pid) {
    try {
      new ProcessBuilder("kill", "-KILL", "--", "-" + pid).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no kill(1): the descendants are still destroyed one by one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
