package dev.slipway.recipe;

import dev.slipway.SlipwayException;

/** A command line that cannot be carried out (unknown host in {@code --limit}, no hosts at all); nothing ran. */
final class RecipeUsageException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  RecipeUsageException(String message) {
    super(message);
  }
}
