package dev.slipway.spi;

/**
 * What a transport offers when it can open an interactive login shell over its own connection, on
 * a pseudo-terminal: the shell's {@code --connect} and {@code connect HOST} use it. Found with
 * {@link Transport#interactiveLogin()}.
 */
@FunctionalInterface
public interface InteractiveLogin {

  /**
   * Runs the login user's shell on a pseudo-terminal of {@code terminal}'s type and size, wired to
   * it, until the shell exits.
   *
   * @return the shell's exit status, or -1 when it had none (the connection ended first)
   */
  int login(LoginTerminal terminal);
}
