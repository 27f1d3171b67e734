package dev.slipway.ssh;

import dev.slipway.ConnectionFailedException;

/** No SSH server answered: unknown name, refused connection, no route. */
public class HostUnreachableException extends ConnectionFailedException {
  private static final long serialVersionUID = 1L;

  public HostUnreachableException(String host, String endpoint, Throwable cause) {
    super(host, "Cannot reach " + host + " at " + endpoint + ": " + cause.getMessage()
        + ". Check the address and port, and that sshd runs there.", cause);
  }
}
