package dev.slipway;

/**
 * The base of everything Slipway throws. Unchecked, because deploy logic lives in lambdas.
 * Messages never contain secrets.
 */
public class SlipwayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SlipwayException(String message) {
    super(message);
  }

  public SlipwayException(String message, Throwable cause) {
    super(message, cause);
  }
}
