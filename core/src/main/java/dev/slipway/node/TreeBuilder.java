package dev.slipway.node;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a node tree once: finds actions, checks settings, roles and names, then freezes it. */
final class TreeBuilder {
  private TreeBuilder() {
  }

  static void build(Node root) {
    synchronized (root) {
      if (root.isBuilt()) {
        return;
      }
      List<String> problems = new ArrayList<>();
      Map<Node, List<ActionInfo>> actions = new LinkedHashMap<>();
      Map<Node, Roles> roles = new IdentityHashMap<>();
      root.walk().forEach(node -> {
        Roles parentRoles = node.parent().map(roles::get).orElse(Roles.NONE);
        roles.put(node, node.ownRoles(parentRoles, problems));
        actions.put(node, NodeScanner.actions(node, problems));
        problems.addAll(NodeScanner.missingSettings(node));
        Requirements requirements = new Requirements(node.path());
        node.requires(requirements);
        problems.addAll(requirements.problems());
        checkActions(node, actions.get(node), problems);
        checkIsolationRole(node, roles.get(node), problems);
      });
      if (!problems.isEmpty()) {
        throw new InvalidTreeException(problems);
      }
      actions.forEach(Node::built);
    }
  }

  private static void checkIsolationRole(Node node, Roles roles, List<String> problems) {
    if (node instanceof ParallelNode && !roles.has(Hosts.DEFAULT_ROLE)) {
      problems.add(node.path() + ": a ParallelNode isolates on role '" + Hosts.DEFAULT_ROLE + "', but it has "
          + roles.describeRoles() + "; map one, e.g. roles -> roles.map(\"" + Hosts.DEFAULT_ROLE + "\", \"web\")");
    }
  }

  private static void checkActions(Node node, List<ActionInfo> actions, List<String> problems) {
    for (ActionInfo action : actions) {
      if (!Node.isValidName(action.name())) {
        problems.add(node.path() + ": '" + action.name() + "' is not a valid action name"
            + " (use letters, digits, '_', '-' and '.', not starting with '-' or '.')");
      }
      if (node.find(action.name()).filter(child -> child != node).isPresent()) {
        problems.add(node.path() + ": '" + action.name() + "' is both an action and a child node;"
            + " rename one of them");
      }
      if (action.isolateOneOnly() && !(node instanceof ParallelNode)) {
        problems.add(node.path() + ": action " + action.name() + " is @IsolateOneOnly, which only applies"
            + " to a ParallelNode; extend ParallelNode or remove the annotation");
      }
    }
  }
}
