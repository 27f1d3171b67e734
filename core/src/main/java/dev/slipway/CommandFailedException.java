package dev.slipway;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
  /** Last lines that say only that a tool failed, not why: tar's and gzip's own summaries. */
  private static final Pattern GENERIC = Pattern.compile("^(tar|gtar|bsdtar): (Exiting with failure status due to"
      + " previous errors|Error is not recoverable: exiting now|Child returned status \\d+|Error exit delayed from"
      + " previous errors\\.?)$");

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
   * wrote to stderr that says why; a {@link BatchFailedException} names the failed operation
   * instead. A tool's closing line that only repeats that it failed ({@code tar: Exiting with
   * failure status due to previous errors}) is passed over for the error before it ({@code tar:
   * app.py: Wrote only 9728 of 10240 bytes}).
   */
  public String summary() {
    String what = result.command().toString().lines().findFirst().orElse("");
    return "Command failed on " + result.host() + " (exit status " + result.exitStatus() + "): " + what
        + lastWords(result.stderr());
  }

  /** {@code ": "} and the last line of {@code stderr} that says why (else its last line); empty if none. */
  static String lastWords(String stderr) {
    List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
    Optional<String> why = lines.stream().filter(line -> !GENERIC.matcher(line).matches()).reduce((x, y) -> y);
    return why.or(() -> lines.stream().reduce((x, y) -> y)).map(line -> ": " + line.strip()).orElse("");
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
