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
    this(context, result, result.command().toString());
  }

  /** For subclasses that name what failed otherwise than by the command's text. */
  protected CommandFailedException(HostContext context, CommandResult result, String what) {
    super(describe(context, result, what));
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

  /**
   * One line for reports: the host, the exit status, the command's first line and the last line it
   * wrote to stderr; a {@link BatchFailedException} names the failed operation instead.
   */
  public String summary() {
    List<String> stderr = result.stderr().lines().filter(line -> !line.isBlank()).toList();
    String what = result.command().toString().lines().findFirst().orElse("");
    String lastWords = stderr.isEmpty() ? "" : ": " + stderr.get(stderr.size() - 1).strip();
    return "Command failed on " + result.host() + " (exit status " + result.exitStatus() + "): " + what + lastWords;
  }

  /** Everything the command wrote to standard error. */
  public String stderr() {
    return result.stderr();
  }

  private static String describe(HostContext context, CommandResult result, String what) {
    StringBuilder message = new StringBuilder()
        .append("Command failed on ").append(result.host())
        .append(" (exit status ").append(result.exitStatus()).append("): ").append(what);
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
