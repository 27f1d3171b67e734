package dev.slipway;

/**
 * A host could not be reached or the connection was lost: unreachable address, refused
 * authentication, a host key that does not match, a dropped connection. The message names the host
 * and what to do about it.
 */
public class ConnectionFailedException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final String host;

  public ConnectionFailedException(String host, String message, Throwable cause) {
    super(message, cause);
    this.host = host;
  }

  public ConnectionFailedException(String host, String message) {
    super(message);
    this.host = host;
  }

  /** The host that could not be reached. */
  public String host() {
    return host;
  }
}
