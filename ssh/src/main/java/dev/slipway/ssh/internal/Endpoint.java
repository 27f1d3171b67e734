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
    String user = defaultUser;
    String rest = spec.strip();
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      user = rest.substring(0, at);
      rest = rest.substring(at + 1);
    }
    int port = defaultPort;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0 && rest.indexOf(':') == colon) {
      port = Integer.parseInt(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
    }
    return new Endpoint(rest, port, user);
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
