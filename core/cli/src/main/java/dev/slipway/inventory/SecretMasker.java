package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import dev.slipway.Secret;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value known so far, and a way to hide them in any text before it is shown.
 *
 * <p>{@link Secret} masks itself, but a value escapes its wrapper as soon as someone builds a
 * string from it (a URL with a password, a command's output echoing a token). Components that
 * print text they did not write (logs, dry-run listings, exception messages) pass it through
 * {@link #mask(String)} first:
 *
 * <pre>{@code
 * SecretMasker masker = environment.masker();
 * log.info("{}", masker.mask(result.stdout()));   // "postgres://app:[REDACTED]@db/app"
 * }</pre>
 *
 * <p>Each registered value is replaced by {@link Secret#MASK}, longest first so that a secret
 * containing another is hidden whole; each line of a multi-line secret (a private key) is also
 * hidden on its own. Values shorter than three characters are not searched for: replacing every
 * {@code 1} in a log would hide everything and protect nothing. Thread-safe; values are only ever
 * added.
 */
public final class SecretMasker {
  private static final int SHORTEST_MASKED_VALUE = 3;
  private static final int SHORTEST_MASKED_LINE = 4;

  private final Set<String> values = ConcurrentHashMap.newKeySet();

  /** A masker that knows no secret yet. */
  public static SecretMasker create() {
    return new SecretMasker();
  }

  /** Remembers the value of {@code secret}; returns the secret for chaining. */
  public Secret register(Secret secret) {
    String value = requireNonNull(secret, "secret").reveal();
    if (value.length() >= SHORTEST_MASKED_VALUE) {
      values.add(value);
      value.lines().map(String::strip).filter(line -> line.length() >= SHORTEST_MASKED_LINE).forEach(values::add);
    }
    return secret;
  }

  /** {@code text} with every known secret value replaced by {@link Secret#MASK}; null stays null. */
  public String mask(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String value : longestFirst()) {
      masked = masked.replace(value, Secret.MASK);
    }
    return masked;
  }

  /** How many distinct values (whole secrets and their lines) are masked. */
  public int size() {
    return values.size();
  }

  private List<String> longestFirst() {
    return values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  @Override
  public String toString() {
    return "SecretMasker[" + values.size() + " values]";
  }
}
