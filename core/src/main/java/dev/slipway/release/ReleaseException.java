package dev.slipway.release;

import dev.slipway.SlipwayException;

/**
 * A deploy or rollback cannot go ahead: no earlier good release, an unknown target, a missing
 * setting. Thrown before anything changed, unless the message says otherwise.
 */
public class ReleaseException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  public ReleaseException(String message) {
    super(message);
  }

  public ReleaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
