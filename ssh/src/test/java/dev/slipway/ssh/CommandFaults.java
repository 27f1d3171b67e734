package dev.slipway.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * The embedded server's exec commands: run by {@code /bin/sh} ({@link ShellProcess}), counted,
 * and, when armed, the connection is dropped as the next command arrives (it never runs) or as it
 * ends (it ran, but the client never learns how it ended).
 */
final class CommandFaults implements CommandFactory {
  /** What happens to the next command. */
  enum Fault { NONE, DROP_BEFORE_RUNNING, DROP_AFTER_RUNNING }

  private final AtomicInteger received = new AtomicInteger();
  private final AtomicReference<Fault> next = new AtomicReference<>(Fault.NONE);

  int received() {
    return received.get();
  }

  void arm(Fault fault) {
    next.set(fault);
  }

  @Override
  public Command createCommand(ChannelSession channel, String command) throws IOException {
    received.incrementAndGet();
    Fault fault = next.getAndSet(Fault.NONE);
    if (fault == Fault.DROP_BEFORE_RUNNING) {
      channel.getSession().close(true);
      throw new IOException("fault injected: connection dropped before running " + command);
    }
    Command real = new ShellProcess(command);
    return fault == Fault.DROP_AFTER_RUNNING ? new DropWhenDone(real) : real;
  }

  /** Runs a command, then drops the connection instead of reporting its exit status. */
  private static final class DropWhenDone implements Command {
    private final Command real;

    DropWhenDone(Command real) {
      this.real = real;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
      real.setExitCallback(new ExitCallback() {
        @Override
        public void onExit(int exitValue, String exitMessage, boolean closeImmediately) {
          channel.getSession().close(true);
        }
      });
      real.start(channel, env);
    }

    @Override
    public void destroy(ChannelSession channel) throws Exception {
      real.destroy(channel);
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      // The exit status is never sent: the connection is dropped instead.
    }

    @Override
    public void setInputStream(InputStream in) {
      real.setInputStream(in);
    }

    @Override
    public void setOutputStream(OutputStream out) {
      real.setOutputStream(out);
    }

    @Override
    public void setErrorStream(OutputStream err) {
      real.setErrorStream(err);
    }
  }
}
