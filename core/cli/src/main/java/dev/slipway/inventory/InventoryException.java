package dev.slipway.inventory;

import dev.slipway.SlipwayException;

/**
 * An inventory that cannot be read or used: a malformed file (named with its line), a group or
 * host or environment that does not exist, a secret file with unsafe permissions.
 */
public class InventoryException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  public InventoryException(String message) {
    super(message);
  }

  public InventoryException(String message, Throwable cause) {
    super(message, cause);
  }

  static InventoryException at(String file, int line, String problem) {
    return new InventoryException(file + " line " + line + ": " + problem);
  }
}
