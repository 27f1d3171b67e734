package dev.slipway;

import dev.slipway.internal.ScriptCompiler;
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

  /**
   * One line for reports: the host, the exit status, the failed operation of a batch (or the
   * command) and the last line it wrote to stderr, e.g. {@code Command failed on web-1 (exit status
   * 1): operation 7 of 10: pip install -r requirements.txt: ERROR: No matching distribution found}.
   * A tool's closing line that only repeats that it failed ({@code tar: Exiting with failure status
   * due to previous errors}) is passed over for the error before it ({@code tar: app.py: Wrote only
   * 9728 of 10240 bytes}).
   */
  public String summary() {
    List<String> stderr = result.stderr().lines().filter(line -> !line.isBlank()).toList();
    int operationLine = stderr.size();
    for (int i = 0; i < stderr.size(); i++) {
      if (stderr.get(i).startsWith(ScriptCompiler.FAILED_OPERATION)) {
        operationLine = i;
        break;
      }
    }
    String what = operationLine < stderr.size()
        ? stderr.get(operationLine).substring("slipway: ".length()).replaceFirst(" failed: ", ": ")
        : result.command().toString().lines().findFirst().orElse("");
    String lastWords = lastWords(stderr.subList(0, operationLine)).map(line -> ": " + line.strip()).orElse("");
    return "Command failed on " + result.host() + " (exit status " + result.exitStatus() + "): " + what + lastWords;
  }

  /** The last line that says why, else the last line. */
  private static Optional<String> lastWords(List<String> lines) {
    Optional<String> why = lines.stream().filter(line -> !GENERIC.matcher(line).matches()).reduce((a, b) -> b);
    return why.isPresent() || lines.isEmpty() ? why : Optional.of(lines.get(lines.size() - 1));
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
