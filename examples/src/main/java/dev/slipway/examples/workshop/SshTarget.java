package dev.slipway.examples.workshop;

import java.util.Optional;

/**
 * An SSH destination written {@code [user@]host[:port]}, as on the command line.
 *
 * @param user the user, when given
 * @param address the host name or address
 * @param port the port, 22 when not given
 */
record SshTarget(Optional<String> user, String address, int port) {

  static SshTarget parse(String text) {
    int at = text.lastIndexOf('@');
    Optional<String> user = at > 0 ? Optional.of(text.substring(0, at)) : Optional.empty();
    String rest = text.substring(at + 1);
    int colon = rest.lastIndexOf(':');
    if (colon > 0 && rest.indexOf(':') == colon) {
      return new SshTarget(user, rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)));
    }
    return new SshTarget(user, rest, 22);
  }
}
