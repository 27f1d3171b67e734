package dev.slipway.ssh;

import dev.slipway.SlipwayException;

/**
 * sudo on a host wanted a password that was not given, or rejected the one given. The message
 * never contains the password.
 */
public class SudoPasswordException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final String host;

  public SudoPasswordException(String host, String message) {
    super(message);
    this.host = host;
  }

  /** The host sudo ran on. */
  public String host() {
    return host;
  }
}
