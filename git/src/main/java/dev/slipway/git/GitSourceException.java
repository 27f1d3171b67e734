package dev.slipway.git;

import dev.slipway.SlipwayException;

/**
 * A git source could not be resolved or installed: not a repository, an empty repository, an
 * unreachable remote, a ref that does not point at a commit, a tree that cannot be archived.
 */
public class GitSourceException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  public GitSourceException(String message) {
    super(message);
  }

  public GitSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
