package dev.slipway.inventory;

/**
 * A variable that is missing or does not have the type asked for. The message names the
 * variable, whose variables were searched, and every layer and file it was looked for in, so the
 * fix is obvious; secret values never appear in it.
 */
public final class VariableException extends InventoryException {
  private static final long serialVersionUID = 1L;

  private final String variable;

  VariableException(String variable, String message) {
    super(message);
    this.variable = variable;
  }

  /** The full name of the variable, e.g. {@code ansistrano_deploy_to}. */
  public String variable() {
    return variable;
  }
}
