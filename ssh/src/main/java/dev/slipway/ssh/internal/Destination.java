package dev.slipway.ssh.internal;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A destination as written by a user, OpenSSH's {@code [user@]host[:port]}: only the parts given.
 *
 * @param host the host name, alias or address
 * @param user the login user, if given
 * @param port the port, if given
 */
public record Destination(String host, Optional<String> user, OptionalInt port) {
  public Destination {
    requireNonNull(host, "host");
    requireNonNull(user, "user");
    requireNonNull(port, "port");
  }

  /**
   * Parses {@code [user@]host[:port]}; a host with several colons (an IPv6 address) has no port.
   *
   * @throws IllegalArgumentException when the port is not a number
   */
  public static Destination parse(String spec) {
    String rest = spec.strip();
    int at = rest.lastIndexOf('@');
    Optional<String> user = at >= 0 ? Optional.of(rest.substring(0, at)) : Optional.empty();
    String host = rest.substring(at + 1);
    int colon = host.lastIndexOf(':');
    if (colon < 0 || host.indexOf(':') != colon) {
      return new Destination(host, user, OptionalInt.empty());
    }
    try {
      return new Destination(host.substring(0, colon), user, OptionalInt.of(Integer.parseInt(host.substring(colon + 1))));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not [user@]host[:port]: " + spec);
    }
  }
}
