package dev.slipway.spi;

import static java.util.Objects.requireNonNull;

import dev.slipway.internal.Quoting;

/**
 * How a rendered command goes through sudo, as a field beside its text, so that a transport can
 * answer sudo's password prompt or rewrap the command without reading the text back.
 *
 * @param user the user the command runs as
 * @param asksPassword whether sudo reads a password on stdin after printing {@link #PROMPT}
 *     ({@code -S}); otherwise it fails at once when it needs one ({@code -n})
 * @param script the shell text sudo runs with {@code sh -c}, as {@code user}
 */
public record Sudo(String user, boolean asksPassword, String script) {
  /** The prompt sudo is told to print, so that a transport knows when to send the password. */
  public static final String PROMPT = "[slipway-sudo-password]";

  public Sudo {
    requireNonNull(user, "user");
    requireNonNull(script, "script");
  }

  /** The whole command line: {@link #prefix()} and the quoted script. */
  public String commandLine() {
    return prefix() + Quoting.quote(script);
  }

  /** {@code sudo … -u USER -H -- sh -c }, ready for one quoted word to follow. */
  public String prefix() {
    return (asksPassword ? "sudo -S -k -p " + Quoting.quote(PROMPT) : "sudo -n") + " -u " + Quoting.quote(user)
        + " -H -- sh -c ";
  }
}
