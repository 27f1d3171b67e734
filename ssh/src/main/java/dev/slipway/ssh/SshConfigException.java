package dev.slipway.ssh;

import dev.slipway.SlipwayException;

/** An OpenSSH client config file cannot be read or asks for something Slipway refuses; names the file and line. */
public class SshConfigException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  public SshConfigException(String message) {
    super(message);
  }

  public SshConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
