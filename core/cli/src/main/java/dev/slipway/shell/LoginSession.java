package dev.slipway.shell;

import dev.slipway.SlipwayException;
import java.io.IOException;
import java.util.List;
import org.jline.terminal.Terminal;

/** Runs an interactive program on the user's terminal while the shell waits. */
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
}
