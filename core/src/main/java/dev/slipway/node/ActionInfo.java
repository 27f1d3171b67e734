package dev.slipway.node;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An action of a node as the launcher and shell see it: its name, description and parameters. Run
 * it with {@link Execution#invoke(Node, String, List)}.
 *
 * <pre>{@code
 * for (ActionInfo action : node.actions()) {
 *   out.println(action.signature() + "  " + action.description());   // checkout(commit: String)  Check out…
 * }
 * }</pre>
 */
public final class ActionInfo {
  private final String name;
  private final String description;
  private final List<ActionParameter> parameters;
  private final Class<?> returnType;
  private final boolean isolateOneOnly;
  private final Invoker invoker;

  ActionInfo(String name, String description, List<ActionParameter> parameters, Class<?> returnType,
             boolean isolateOneOnly, Invoker invoker) {
    this.name = requireNonNull(name, "name");
    this.description = requireNonNull(description, "description");
    this.parameters = List.copyOf(parameters);
    this.returnType = requireNonNull(returnType, "returnType");
    this.isolateOneOnly = isolateOneOnly;
    this.invoker = requireNonNull(invoker, "invoker");
  }

  /** The name it is run by. */
  public String name() {
    return name;
  }

  /** The one-line description; empty if none was given. */
  public String description() {
    return description;
  }

  /** The parameters, in order. */
  public List<ActionParameter> parameters() {
    return parameters;
  }

  /** What the method returns ({@code void.class} for nothing). */
  public Class<?> returnType() {
    return returnType;
  }

  /** Whether it runs in one isolation only ({@link IsolateOneOnly}). */
  public boolean isolateOneOnly() {
    return isolateOneOnly;
  }

  /** Whether it is public: its name does not start with an underscore. */
  public boolean isPublic() {
    return !name.startsWith("_");
  }

  /** The name and parameters, e.g. {@code deploy(commit: String, restart: boolean)}. */
  public String signature() {
    return name + "(" + String.join(", ", parameters.stream().map(p -> p.name() + ": " + p.describeType())
        .toList()) + ")";
  }

  /**
   * {@code arguments} converted to this action's parameter types.
   *
   * @throws ActionArgumentException on a wrong count or a value that does not convert
   */
  public Object[] parse(List<String> arguments) {
    if (arguments.size() != parameters.size()) {
      throw new ActionArgumentException(name + " takes " + parameters.size()
          + (parameters.size() == 1 ? " argument" : " arguments") + " " + signature() + ", got "
          + arguments.size() + ": " + arguments);
    }
    Object[] values = new Object[arguments.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = parameters.get(i).parse(arguments.get(i));
      } catch (ActionArgumentException e) {
        throw new ActionArgumentException(name + ": " + e.getMessage());
      }
    }
    return values;
  }

  Object invoke(Node node, Object[] arguments) {
    return invoker.invoke(node, arguments);
  }

  @Override
  public String toString() {
    return signature();
  }

  /** Calls the action's method; made by the one class that uses reflection. */
  @FunctionalInterface
  interface Invoker {
    Object invoke(Node node, Object[] arguments);
  }
}
