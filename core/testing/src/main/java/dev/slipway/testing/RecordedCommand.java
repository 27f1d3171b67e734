package dev.slipway.testing;

import static java.util.Objects.requireNonNull;

import dev.slipway.HostContext;

/**
 * One command a {@link FakeHost} received.
 *
 * @param command the command text as the user wrote it ({@code Command.toString()}: secrets
 *     masked), without the {@code cd}, {@code export} or sudo wrapping of its context
 * @param context the context it ran in (directory, environment, user)
 * @param script the shell text a real transport would have run (secrets as variables read from stdin)
 */
public record RecordedCommand(String command, HostContext context, String script) {
  public RecordedCommand {
    requireNonNull(command, "command");
    requireNonNull(context, "context");
    requireNonNull(script, "script");
  }

  @Override
  public String toString() {
    String where = context.describe();
    return where.isEmpty() ? command : command + " (" + where + ")";
  }
}
