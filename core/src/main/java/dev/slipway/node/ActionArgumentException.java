package dev.slipway.node;

import dev.slipway.SlipwayException;

/**
 * The text given for an action's arguments does not fit its parameters: wrong count, or a value
 * that does not convert to the parameter's type. The message names the action, the parameter and
 * what is expected, e.g. {@code deploy: argument 'count' must be a whole number, was 'ten'}.
 */
public class ActionArgumentException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  public ActionArgumentException(String message) {
    super(message);
  }
}
