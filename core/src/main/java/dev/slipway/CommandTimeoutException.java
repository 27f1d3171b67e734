package dev.slipway;

import java.time.Duration;

/** A command did not finish within its time limit and was stopped. */
public class CommandTimeoutException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final transient Command command;
  private final Duration timeout;

  public CommandTimeoutException(String host, Command command, Duration timeout) {
    this(host, command, timeout, command.toString());
  }

  /** For subclasses that name what timed out otherwise than by the command's text. */
  protected CommandTimeoutException(String host, Command command, Duration timeout, String what) {
    super("Command timed out on " + host + " after " + timeout.toMillis() + " ms: " + what);
    this.host = host;
    this.command = command;
    this.timeout = timeout;
  }

  /** The host the command ran on. */
  public String host() {
    return host;
  }

  /** The command that was stopped. */
  public Command command() {
    return command;
  }

  /** The limit that was exceeded. */
  public Duration timeout() {
    return timeout;
  }
}
