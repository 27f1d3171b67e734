package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One host of an inventory as an environment sees it: its name, how to reach it, the groups it
 * belongs to (with their ancestors, parents first, {@code all} excluded) and its merged variables.
 *
 * <pre>{@code
 * InventoryHost web1 = Inventory.load(dir).environment("prod").host("web1");
 * web1.connection().address();                         // "10.0.0.11"
 * web1.vars().get("deploy_to", Path.class);
 * }</pre>
 *
 * @param name the inventory name, e.g. {@code web1}
 * @param connection address, port, user and key from the {@code ansible_*} variables
 * @param groups the groups of the host, parents before children
 * @param vars the host's merged variables
 */
public record InventoryHost(String name, Connection connection, List<String> groups, Variables vars) {

  public InventoryHost {
    requireNonNull(name, "name");
    requireNonNull(connection, "connection");
    groups = List.copyOf(groups);
    requireNonNull(vars, "vars");
  }

  /** Whether the host belongs to {@code group}, directly or through a child group. */
  public boolean isIn(String group) {
    return group.equals("all") || groups.contains(group);
  }

  @Override
  public String toString() {
    return vars.masker().mask("InventoryHost[" + name + " " + connection.user().map(u -> u + "@").orElse("")
        + connection.address() + ":" + connection.port() + " groups=" + groups + "]");
  }
}
