package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One group of an inventory as an environment sees it.
 *
 * <pre>{@code
 * List<InventoryHost> web = inventory.group("web").hosts();
 * }</pre>
 *
 * @param name the group's name; {@code all} holds every host, {@code ungrouped} those in no other group
 * @param children the names of its direct child groups
 * @param hosts its hosts and those of its descendants, in inventory order, without duplicates
 */
public record InventoryGroup(String name, List<String> children, List<InventoryHost> hosts) {

  public InventoryGroup {
    requireNonNull(name, "name");
    children = List.copyOf(children);
    hosts = List.copyOf(hosts);
  }

  /** The names of {@link #hosts()}. */
  public List<String> hostNames() {
    return hosts.stream().map(InventoryHost::name).toList();
  }
}
