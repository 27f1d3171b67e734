package dev.slipway.cli;

import dev.slipway.SlipwayException;

/** The command line names something that does not exist or is not supported; exit code 2. */
final class UsageException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
