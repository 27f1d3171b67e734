package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link Inventory} in code; the INI and YAML readers use it too.
 *
 * <pre>{@code
 * Inventory inventory = Inventory.builder()
 *     .host("web1", "web", "prod")
 *     .hostVars("web1", Map.of("ansible_host", "10.0.0.11", "ansible_user", "deploy"))
 *     .groupVars("web", Map.of("deploy_to", "/opt/shop"))
 *     .children("prod", "web")
 *     .build();
 * }</pre>
 *
 * Groups {@code all} and {@code ungrouped} are added as in Ansible: every host is in {@code all},
 * hosts in no other group are in {@code ungrouped}, and every group without a parent is a child of
 * {@code all}. Not thread-safe; build once, then share the immutable inventory.
 */
public final class InventoryBuilder {
  static final String ALL = "all";
  static final String UNGROUPED = "ungrouped";
  private static final String CODE = "code";

  private final Map<String, Draft> groups = new LinkedHashMap<>();
  private final Map<String, List<Layer>> hosts = new LinkedHashMap<>();
  private String description = "an inventory built in code";

  InventoryBuilder() {
  }

  /** Adds host {@code name} (if new) to each of {@code groups}. */
  public InventoryBuilder host(String name, String... groups) {
    addHost(null, name);
    for (String group : groups) {
      addHost(group, name);
    }
    return this;
  }

  /** Adds variables to host {@code name}, above those added before. */
  public InventoryBuilder hostVars(String name, Map<String, ?> vars) {
    addHostLayer(name, Layer.of("host " + name, CODE, vars));
    return this;
  }

  /** Adds variables to group {@code name}, above those added before. */
  public InventoryBuilder groupVars(String name, Map<String, ?> vars) {
    addGroupLayer(name, Layer.of("group " + name, CODE, vars));
    return this;
  }

  /** Makes each of {@code children} a child group of {@code parent}. */
  public InventoryBuilder children(String parent, String... children) {
    for (String child : children) {
      addChild(parent, child);
    }
    return this;
  }

  /** The inventory; throws {@link InventoryException} if groups are their own ancestors. */
  public Inventory build() {
    Map<String, Draft> complete = new LinkedHashMap<>(groups);
    Draft all = complete.computeIfAbsent(ALL, name -> new Draft());
    Draft ungrouped = complete.computeIfAbsent(UNGROUPED, name -> new Draft());
    Set<String> grouped = new LinkedHashSet<>();
    Set<String> childGroups = new LinkedHashSet<>();
    complete.forEach((name, draft) -> {
      childGroups.addAll(draft.children);
      if (!name.equals(ALL) && !name.equals(UNGROUPED)) {
        grouped.addAll(draft.hosts);
      }
    });
    hosts.keySet().stream().filter(h -> !grouped.contains(h)).forEach(ungrouped.hosts::add);
    complete.keySet().stream().filter(g -> !g.equals(ALL) && !childGroups.contains(g)).forEach(all.children::add);
    all.hosts.addAll(hosts.keySet());
    refuseCycles(complete);
    Map<String, GroupEntry> groupEntries = new LinkedHashMap<>();
    complete.forEach((name, d) -> groupEntries.put(name, new GroupEntry(name, List.copyOf(d.children), List.copyOf(d.hosts), d.layers)));
    Map<String, HostEntry> hostEntries = new LinkedHashMap<>();
    hosts.forEach((name, layers) -> hostEntries.put(name, new HostEntry(name, layers)));
    return new Inventory(groupEntries, hostEntries, description);
  }

  InventoryBuilder describedAs(String text) {
    description = requireNonNull(text, "text");
    return this;
  }

  void declareGroup(String group) {
    groups.computeIfAbsent(requireName(group, "group"), name -> new Draft());
  }

  /** Registers {@code host}, and adds it to {@code group} unless that is null. */
  void addHost(String group, String host) {
    hosts.computeIfAbsent(requireName(host, "host"), name -> new ArrayList<>());
    if (group != null) {
      declareGroup(group);
      groups.get(group).hosts.add(host);
    }
  }

  void addChild(String parent, String child) {
    declareGroup(parent);
    declareGroup(child);
    groups.get(parent).children.add(child);
  }

  void addHostLayer(String host, Layer layer) {
    addHost(null, host);
    hosts.get(host).add(layer);
  }

  void addGroupLayer(String group, Layer layer) {
    declareGroup(group);
    groups.get(group).layers.add(layer);
  }

  boolean hasGroup(String group) {
    return groups.containsKey(group) || group.equals(ALL) || group.equals(UNGROUPED);
  }

  boolean hasHost(String host) {
    return hosts.containsKey(host);
  }

  private static String requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " name must not be blank");
    }
    return name;
  }

  private static void refuseCycles(Map<String, Draft> groups) {
    Set<String> done = new LinkedHashSet<>();
    for (String group : groups.keySet()) {
      visit(group, groups, new ArrayDeque<>(), done);
    }
  }

  private static void visit(String group, Map<String, Draft> groups, Deque<String> path, Set<String> done) {
    if (path.contains(group)) {
      List<String> cycle = new ArrayList<>(path);
      cycle.add(group);
      throw new InventoryException("group " + group + " is its own ancestor: " + String.join(" -> ", cycle.subList(cycle.indexOf(group), cycle.size()))
          + "; remove one of these [group:children] entries");
    }
    if (!done.add(group)) {
      return;
    }
    path.addLast(group);
    for (String child : groups.get(group).children) {
      visit(child, groups, path, done);
    }
    path.removeLast();
  }

  /** A group being read; its host and child sets keep their first-seen order. */
  private static final class Draft {
    final Set<String> children = new LinkedHashSet<>();
    final Set<String> hosts = new LinkedHashSet<>();
    final List<Layer> layers = new ArrayList<>();
  }
}
