package dev.slipway.cli;

import dev.slipway.inventory.Environment;
import dev.slipway.inventory.Inventory;
import dev.slipway.node.Node;
import java.util.function.Function;

/**
 * Where the launcher gets its tree: a tree built in code, or one built from the inventory
 * environment that {@code --inventory}, {@code --env} and {@code -e} select.
 */
@FunctionalInterface
interface TreeSource {

  /** The root of the tree for these inventory options. */
  Node tree(InventoryOptions options);

  /** A tree that needs no inventory: the inventory options are refused, not ignored. */
  static TreeSource fixed(Node root) {
    Node top = root.rootNode();
    return options -> {
      if (options.given()) {
        throw new UsageException("--inventory, --env and -e need a program that builds its tree from an"
            + " inventory (Slipway.start(environment -> tree, args)); this one defines its hosts in code");
      }
      return top;
    };
  }

  /** A tree built from the selected inventory environment, with the extra variables as overrides. */
  static TreeSource fromInventory(Function<Environment, Node> tree) {
    return options -> {
      Inventory inventory = Inventory.load(options.inventory().orElseThrow(() -> new UsageException(
          "this program reads its hosts from an inventory: give --inventory FILE (and --env NAME)")));
      Environment environment = options.environment().map(inventory::environment).orElseGet(inventory::all)
          .withExtraVars(options.extraVars());
      return tree.apply(environment).rootNode();
    };
  }
}
