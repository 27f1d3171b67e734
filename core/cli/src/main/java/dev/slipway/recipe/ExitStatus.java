package dev.slipway.recipe;

/**
 * The exit codes of a recipe's commands, for scripts and CI:
 *
 * <pre>
 * 0  OK             the command did what it said (check: no problem found)
 * 1  FAILED         it failed; a deploy that fails before the switch changed nothing; check found problems
 * 2  USAGE          nothing ran: bad option, unknown command, host, group or inventory
 * 3  SWITCHED_BACK  a deploy or rollback went live, its health check failed, and current was switched back
 * 4  LOCKED         another deploy holds a host's lock (unlock shows and breaks a stale one)
 * 5  REFUSED        a confirmation was answered no, or was needed without a terminal and without --yes
 * </pre>
 */
public final class ExitStatus {
  /** Done. */
  public static final int OK = 0;
  /** Failed; nothing was switched (or check found a problem). */
  public static final int FAILED = 1;
  /** The command line was wrong; nothing ran. */
  public static final int USAGE = 2;
  /** Switched back after a failed health check. */
  public static final int SWITCHED_BACK = 3;
  /** A host is locked by another deploy. */
  public static final int LOCKED = 4;
  /** Not confirmed. */
  public static final int REFUSED = 5;

  private ExitStatus() {
  }
}
