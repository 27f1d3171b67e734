package dev.slipway.service;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting for systemd unit files, which are not shell: {@code ExecStart=} splits on spaces, honours
 * double quotes with C escapes, and expands {@code $VAR} and {@code %} specifiers.
 */
public final class SystemdQuoting {
  private SystemdQuoting() {}

  /** A command line for {@code ExecStart=}: each argument double-quoted when it needs to be. */
  public static String commandLine(List<String> argv) {
    return argv.stream().map(SystemdQuoting::argument).collect(Collectors.joining(" "));
  }

  /** A path for settings such as {@code WorkingDirectory=}, which take it as written but expand specifiers. */
  public static String path(String path) {
    if (path.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a path in a systemd unit cannot hold a newline: " + path);
    }
    return path.replace("%", "%%");
  }

  private static String argument(String arg) {
    String escaped = path(arg).replace("$", "$$");
    if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./$-]+")) {
      return escaped;
    }
    return '"' + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
