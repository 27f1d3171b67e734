package dev.slipway.shell;

import dev.slipway.SlipwayException;
import dev.slipway.spi.InteractiveLogin;
import dev.slipway.spi.LoginTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingInputStream;

/** Runs an interactive login (a local program, or a transport's own) on the user's terminal while the shell waits. */
final class LoginSession {
  private LoginSession() {
  }

  static int attach(Terminal terminal, List<String> command) {
    try {
      // JLine must stop reading the terminal, or it would steal the keys meant for the login shell.
      terminal.pause(true);
      try {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
      } finally {
        terminal.resume();
      }
    } catch (IOException e) {
      throw new SlipwayException("could not start " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlipwayException("interrupted while " + String.join(" ", command) + " was running", e);
    }
  }

  /** Runs {@code login} on the terminal in raw mode, passing window changes on; back to the shell's mode after. */
  static int attach(Terminal terminal, InteractiveLogin login) {
    List<Runnable> resizeListeners = new CopyOnWriteArrayList<>();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.WINCH,
        signal -> resizeListeners.forEach(Runnable::run));
    Attributes saved = terminal.enterRawMode();
    try {
      return login.login(new JLineLoginTerminal(terminal, keys(terminal.input()), resizeListeners));
    } finally {
      terminal.setAttributes(saved);
      terminal.handle(Terminal.Signal.WINCH, previous);
    }
  }

  private static NonBlockingInputStream keys(InputStream input) {
    return input instanceof NonBlockingInputStream keys ? keys : NonBlocking.nonBlocking("slipway-login", input);
  }

  /** The JLine terminal as a {@link LoginTerminal}. */
  private record JLineLoginTerminal(Terminal terminal, NonBlockingInputStream keys, List<Runnable> resizeListeners)
      implements LoginTerminal {
    @Override
    public String type() {
      return terminal.getType();
    }

    @Override
    public int columns() {
      return terminal.getWidth();
    }

    @Override
    public int rows() {
      return terminal.getHeight();
    }

    @Override
    public int read(long millis) throws IOException {
      int key = keys.read(millis);
      return key == NonBlockingInputStream.READ_EXPIRED ? TIMEOUT : key;
    }

    @Override
    public OutputStream output() {
      return terminal.output();
    }

    @Override
    public void onResize(Runnable listener) {
      resizeListeners.add(listener);
    }
  }
}
