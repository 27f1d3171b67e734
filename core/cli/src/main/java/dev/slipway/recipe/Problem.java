package dev.slipway.recipe;

/**
 * One thing {@code check} found that would make a deploy fail.
 *
 * @param host the host's name, or {@code source} for the ref
 * @param kind what was checked: {@code connection}, {@code deploy-to}, {@code disk}, {@code command},
 *     {@code lock} or {@code ref}
 * @param message what is wrong and what to do, one line
 */
public record Problem(String host, String kind, String message) {

  /** {@code host: message}. */
  public String describe() {
    return host + ": " + message;
  }
}
