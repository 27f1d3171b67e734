package dev.slipway.ssh.internal;

import dev.slipway.ssh.SshConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * OpenSSH's {@code %} tokens and {@code ~} in file names of the ssh config: {@code %h} remote host,
 * {@code %p} port, {@code %r} remote user, {@code %n} the alias as given, {@code %u} local user,
 * {@code %d} local home, {@code %l} local host name, {@code %%} a percent sign.
 *
 * @param alias the name the host was asked for by
 * @param target where it connects
 * @param localUser the local user name
 * @param home the local home directory
 */
record Tokens(String alias, Endpoint target, String localUser, Path home) {

  /** {@code file} with its tokens replaced; relative names are taken from the home directory, as ssh does. */
  Path path(String file, String origin) {
    String expanded = expand(file.startsWith("~/") ? home + file.substring(1) : file, origin);
    return home.resolve(expanded);
  }

  private String expand(String text, String origin) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (++i == text.length()) {
        throw new SshConfigException(origin + ": a lone '%' at the end of '" + text + "'");
      }
      out.append(token(text.charAt(i), text, origin));
    }
    return out.toString();
  }

  private String token(char name, String text, String origin) {
    return switch (name) {
      case '%' -> "%";
      case 'h' -> target.address();
      case 'p' -> String.valueOf(target.port());
      case 'r' -> target.user();
      case 'n' -> alias;
      case 'u' -> localUser;
      case 'd' -> home.toString();
      case 'l' -> localHostName();
      default -> throw new SshConfigException(origin + ": unknown token '%" + name + "' in '" + text
          + "' (Slipway knows %h %p %r %n %u %d %l %%)");
    };
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
