package dev.slipway.internal;

import java.util.regex.Pattern;

/** POSIX shell quoting: the one place where values become shell words. */
public final class Quoting {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Quoting() {}

  /**
   * {@code value} as one shell word that {@code sh} reads back byte for byte: unchanged when it
   * holds only safe characters, else in single quotes with each {@code '} written as {@code '"'"'}.
   */
  public static String quote(String value) {
    if (SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }
}
