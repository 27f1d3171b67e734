package dev.slipway.ssh.internal;

import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.Session;
import dev.slipway.ConnectionFailedException;
import dev.slipway.spi.LoginTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An interactive login shell in a {@code shell} channel with a pty of the user's terminal type and
 * size: keys go up as they are typed, output comes down on a thread of its own, and a window
 * change is passed on. Ends when the remote shell exits.
 */
public final class LoginShell {
  private static final long KEY_POLL_MILLIS = 50;

  private final String host;
  private final ChannelGate gate;

  public LoginShell(String host, ChannelGate gate) {
    this.host = host;
    this.gate = gate;
  }

  /** Runs the login shell on {@code session} until it exits; its exit status, or -1 when it had none. */
  public int run(Session session, LoginTerminal terminal) {
    InputStream[] fromRemote = new InputStream[1];
    OutputStream[] toRemote = new OutputStream[1];
    ChannelShell shell = gate.open(session, "shell", ChannelShell.class, ch -> {
      ch.setPtyType(terminal.type(), terminal.columns(), terminal.rows(), 0, 0);
      fromRemote[0] = ch.getInputStream();
      toRemote[0] = ch.getOutputStream();
    });
    terminal.onResize(() -> shell.setPtySize(terminal.columns(), terminal.rows(), 0, 0));
    Thread output = new Thread(() -> copy(fromRemote[0], terminal.output()), "slipway-login-" + host);
    output.setDaemon(true);
    output.start();
    try {
      sendKeys(shell, terminal, toRemote[0]);
      output.join(2000);
      return shell.getExitStatus();
    } catch (IOException e) {
      throw new ConnectionFailedException(host, "The login session on " + host + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } finally {
      gate.release(shell);
    }
  }

  // Polls with a short timeout, so that no key typed after the remote shell exits is taken from the local shell.
  private static void sendKeys(ChannelShell shell, LoginTerminal terminal, OutputStream toRemote) throws IOException {
    while (!shell.isClosed()) {
      int key = terminal.read(KEY_POLL_MILLIS);
      if (key == -1) {
        break;
      }
      if (key != LoginTerminal.TIMEOUT && !shell.isClosed()) {
        toRemote.write(key);
        toRemote.flush();
      }
    }
  }

  private static void copy(InputStream from, OutputStream to) {
    byte[] buffer = new byte[8192];
    try {
      for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
        to.write(buffer, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      // the channel closed: the session is over
    }
  }
}
