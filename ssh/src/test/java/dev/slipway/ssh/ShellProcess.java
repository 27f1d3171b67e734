package dev.slipway.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One exec command of the embedded server: {@code /bin/sh -c COMMAND} as a child process, whose
 * exit is reported once both of its outputs reached the channel, as OpenSSH's sshd does. MINA's
 * own process shell can report the exit while the last bytes of stderr are still on their way: it
 * polls the pipes' {@code available()}, and the JDK drains a dead process's pipes on a thread of
 * its own, so a failing command's last line was sometimes lost. A background process that keeps
 * an output open delays the exit by at most {@link #DRAIN_SECONDS}.
 */
final class ShellProcess implements Command {
  private static final int DRAIN_SECONDS = 2;

  private final String command;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private volatile Process process;

  ShellProcess(String command) {
    this.command = command;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command);
    builder.environment().putAll(env.getEnv());
    process = builder.start();
    daemon("stdin", () -> copy(in, process.getOutputStream(), true));
    Thread stdout = daemon("stdout", () -> copy(process.getInputStream(), out, false));
    Thread stderr = daemon("stderr", () -> copy(process.getErrorStream(), err, false));
    daemon("exit", () -> reportExit(stdout, stderr));
  }

  private void reportExit(Thread stdout, Thread stderr) {
    try {
      int status = process.waitFor();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
      stdout.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      stderr.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      exit.onExit(status);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void copy(InputStream from, OutputStream to, boolean closeAtEnd) {
    byte[] buffer = new byte[8192];
    try {
      for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
        to.write(buffer, 0, n);
        to.flush();
      }
      if (closeAtEnd) {
        to.close();
      }
    } catch (IOException e) {
      // the channel or the process went away: nothing more to copy
    }
  }

  private static Thread daemon(String name, Runnable work) {
    Thread thread = new Thread(work, "embedded-sshd-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void destroy(ChannelSession channel) {
    Process running = process;
    if (running != null) {
      running.descendants().forEach(ProcessHandle::destroyForcibly);
      running.destroyForcibly();
    }
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }
}
