package dev.slipway;

import java.util.List;

/**
 * A command ended with a non-zero exit status. The message has one line for grep, then the
 * detail:
 *
 * <pre>
 * Command failed on web-1 (exit status 127): bundle exec rake db:migrate
 *   in /srv/shop/releases/20240611120000 as deploy
 *   stderr (last 10 of 42 lines):
 *     sh: 1: bundle: not found
 * </pre>
 */
public class CommandFailedException extends SlipwayException {
  private static final long serialVersionUID = 1L;
  private static final int TAIL = 10;

  private final transient HostContext context;
  private final transient CommandResult result;

  public CommandFailedException(HostContext context, CommandResult result) {
    super(describe(context, result));
    this.context = context;
    this.result = result;
  }

  /** The host the command failed on. */
  public String host() {
    return result.host();
  }

  /** The context the command ran in. */
  public HostContext context() {
    return context;
  }

  /** The full result. */
  public CommandResult result() {
    return result;
  }

  /** The exit status. */
  public int exitStatus() {
    return result.exitStatus();
  }

  /** Everything the command wrote to standard error. */
  public String stderr() {
    return result.stderr();
  }

  private static String describe(HostContext context, CommandResult result) {
    StringBuilder message = new StringBuilder()
        .append("Command failed on ").append(result.host())
        .append(" (exit status ").append(result.exitStatus()).append("): ").append(result.command());
    String where = context.describe();
    if (!where.isEmpty()) {
      message.append("\n  ").append(where);
    }
    List<String> tail = result.stderrTail(TAIL);
    if (!tail.isEmpty()) {
      long total = result.stderr().lines().count();
      message.append("\n  stderr").append(total > TAIL ? " (last " + TAIL + " of " + total + " lines)" : "")
          .append(':');
      tail.forEach(line -> message.append("\n    ").append(line));
    }
    return message.toString();
  }
}
