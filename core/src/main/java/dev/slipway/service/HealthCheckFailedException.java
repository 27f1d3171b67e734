package dev.slipway.service;

import dev.slipway.SlipwayException;
import java.util.OptionalInt;

/**
 * A health check never got the answer it expected. Names the host, the URL, how many attempts were
 * made, and what the last attempt got (status and the start of the body, or why there was no
 * answer).
 */
public class HealthCheckFailedException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String url;
  private final int attempts;
  private final int lastStatus;
  private final String lastBody;

  public HealthCheckFailedException(String message, String host, String url, int attempts, int lastStatus,
                                    String lastBody) {
    super(message);
    this.host = host;
    this.url = url;
    this.attempts = attempts;
    this.lastStatus = lastStatus;
    this.lastBody = lastBody;
  }

  /** The host checked from or for. */
  public String host() {
    return host;
  }

  /** The URL asked. */
  public String url() {
    return url;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  /** The HTTP status of the last answer; empty if the last attempt got none. */
  public OptionalInt lastStatus() {
    return lastStatus > 0 ? OptionalInt.of(lastStatus) : OptionalInt.empty();
  }

  /** The start of the last answer's body; empty if none. */
  public String lastBody() {
    return lastBody;
  }
}
