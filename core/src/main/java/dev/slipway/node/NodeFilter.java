package dev.slipway.node;

import static java.util.Objects.requireNonNull;

/**
 * A condition on nodes for {@link Node#walk(NodeFilter)}, composable with {@link #and},
 * {@link #or} and {@link #not} (python-deployer's inspection filters):
 *
 * <pre>{@code
 * import static dev.slipway.node.NodeFilter.*;
 *
 * root.walk(hasAction("deploy").and(publicOnly()).and(not(inGroup(Group.STAGING))))
 *     .forEach(node -> out.println(node.path()));
 * }</pre>
 */
@FunctionalInterface
public interface NodeFilter {

  boolean test(Node node);

  /** Nodes matching this filter and {@code other}. */
  default NodeFilter and(NodeFilter other) {
    requireNonNull(other, "other");
    return node -> test(node) && other.test(node);
  }

  /** Nodes matching this filter or {@code other}. */
  default NodeFilter or(NodeFilter other) {
    requireNonNull(other, "other");
    return node -> test(node) || other.test(node);
  }

  /** Nodes not matching {@code filter}. */
  static NodeFilter not(NodeFilter filter) {
    requireNonNull(filter, "filter");
    return node -> !filter.test(node);
  }

  /** Every node. */
  static NodeFilter all() {
    return node -> true;
  }

  /** Nodes that have an action called {@code name}. */
  static NodeFilter hasAction(String name) {
    requireNonNull(name, "name");
    return node -> node.action(name).isPresent();
  }

  /** Nodes that are instances of {@code type} (subclasses included). */
  static NodeFilter isInstance(Class<? extends Node> type) {
    requireNonNull(type, "type");
    return type::isInstance;
  }

  /** Nodes whose group (their own or inherited) is {@code group}. */
  static NodeFilter inGroup(Group group) {
    requireNonNull(group, "group");
    return node -> node.group().filter(group::equals).isPresent();
  }

  /** Nodes whose path has no step starting with an underscore. */
  static NodeFilter publicOnly() {
    return node -> !node.path().contains("/_");
  }
}
