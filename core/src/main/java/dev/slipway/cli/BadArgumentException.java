package dev.slipway.cli;

import dev.slipway.SlipwayException;

/**
 * A value given on the command line or in the shell does not fit an action's parameter, or the
 * number of values does not fit the action. The message names the parameter and the bad value.
 */
public class BadArgumentException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  public BadArgumentException(String message) {
    super(message);
  }
}
