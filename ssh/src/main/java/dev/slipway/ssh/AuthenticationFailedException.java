package dev.slipway.ssh;

import dev.slipway.ConnectionFailedException;
import java.util.List;

/** The server refused every authentication method the client tried. */
public class AuthenticationFailedException extends ConnectionFailedException {
  private static final long serialVersionUID = 1L;

  private final List<String> methodsTried;

  public AuthenticationFailedException(String host, String endpoint, List<String> methodsTried, Throwable cause) {
    super(host, "Authentication failed for " + endpoint + " (" + host + "): tried "
        + String.join(", ", methodsTried) + ". Check the user name, that the public key is in the "
        + "server's authorized_keys, and the key's passphrase.", cause);
    this.methodsTried = List.copyOf(methodsTried);
  }

  /** What was offered, e.g. {@code publickey (~/.ssh/id_ed25519)} and {@code password}. */
  public List<String> methodsTried() {
    return methodsTried;
  }
}
