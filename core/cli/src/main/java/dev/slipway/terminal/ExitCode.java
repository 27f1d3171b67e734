package dev.slipway.terminal;

/** The exit codes of the launcher, for scripts that call it. */
public final class ExitCode {
  /** The action (or command) succeeded. */
  public static final int OK = 0;
  /** The action ran and failed on some host; the last line says which host and command. */
  public static final int FAILED = 1;
  /**
   * Nothing ran because the command line was wrong: bad option, unknown node path or action, bad
   * argument value, or an inventory, environment or {@code -e} value that cannot be used.
   */
  public static final int USAGE = 2;
  /** A production action was not confirmed (answered no, or non-interactive without {@code --yes}). */
  public static final int REFUSED = 3;

  private ExitCode() {
  }
}
