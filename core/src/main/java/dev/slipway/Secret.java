package dev.slipway;

import static java.util.Objects.requireNonNull;

/**
 * A value that must reach the host in clear but never a log, an event, an exception message or
 * {@code toString()}.
 *
 * <p>Pass it as its own argument so the library can quote it and mask it:
 *
 * <pre>{@code
 * host.run(Command.cmd("curl", "-fsS", "-H", Secret.of("Authorization: Bearer " + token), url));
 * // logged as: curl -fsS -H [REDACTED] https://…
 * }</pre>
 *
 * Concatenating a secret into a string calls {@link #toString()} and sends the mask, not the value.
 */
public final class Secret {
  /** The text that stands for a secret wherever it is shown. */
  public static final String MASK = "[REDACTED]";

  private final String value;

  private Secret(String value) {
    this.value = requireNonNull(value, "value");
  }

  /** Wraps {@code value}; the wrapper never shows it. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The clear value, for the code that sends it; never log it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
