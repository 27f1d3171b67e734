package dev.slipway.ssh.internal;

/**
 * The session was found dead while opening a channel, before anything was sent on it: the caller
 * may reconnect and try again without running anything twice.
 */
public final class SessionDownException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SessionDownException(Throwable cause) {
    super("the SSH session is down: " + cause.getMessage(), cause);
  }
}
