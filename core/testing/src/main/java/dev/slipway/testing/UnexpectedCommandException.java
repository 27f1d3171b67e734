package dev.slipway.testing;

import dev.slipway.SlipwayException;
import java.util.List;

/**
 * A strict {@link FakeHost} received a command that no answer was scripted for. The message names
 * the host, the command and what was scripted, so the fix is one {@code when(...)} away.
 */
public class UnexpectedCommandException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String command;

  public UnexpectedCommandException(String host, String command, List<String> scripted) {
    super(host + " received an unscripted command: " + command + " (scripted: " + scripted + ")"
        + "\n  script an answer with when(\"" + command.replace("\"", "\\\"") + "\").thenOutput(\"…\")"
        + " or make the fake lenient()");
    this.host = host;
    this.command = command;
  }

  /** The fake host's name. */
  public String host() {
    return host;
  }

  /** The command text (secrets masked). */
  public String command() {
    return command;
  }
}
