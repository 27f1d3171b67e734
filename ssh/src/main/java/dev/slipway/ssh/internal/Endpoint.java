package dev.slipway.ssh.internal;

import static java.util.Objects.requireNonNull;

/**
 * Where one SSH hop goes: address, port and login user.
 *
 * @param address the host name or IP address, as the previous hop resolves it
 * @param port the SSH port
 * @param user the login user
 */
public record Endpoint(String address, int port, String user) {
  public Endpoint {
    requireNonNull(address, "address");
    requireNonNull(user, "user");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
  }

  /** Parses OpenSSH's {@code [user@]host[:port]}, filling in the defaults. */
  public static Endpoint parse(String spec, String defaultUser, int defaultPort) {
    Destination destination = Destination.parse(spec);
    return new Endpoint(destination.host(), destination.port().orElse(defaultPort),
        destination.user().orElse(defaultUser));
  }

  /** The name known_hosts lists this endpoint under: {@code host}, or {@code [host]:port} off port 22. */
  public String hostKeyName() {
    return port == 22 ? address : "[" + address + "]:" + port;
  }

  @Override
  public String toString() {
    return user + "@" + address + ":" + port;
  }
}
