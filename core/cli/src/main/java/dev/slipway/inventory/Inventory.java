package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The machines a deployment targets, in groups, with their variables: read from an Ansible
 * inventory (INI or YAML, with {@code group_vars/} and {@code host_vars/}) or built in code.
 *
 * <pre>{@code
 * Inventory inventory = Inventory.load(Path.of("inventory/hosts.ini"));
 * inventory.group("web").hostNames();                       // [web1]
 *
 * Environment prod = inventory.environment("prod")          // hosts of group prod, group_vars/prod.yml
 *     .withOverrides(Map.of("git_branch", "v2"));           // -e git_branch=v2
 * List<Host> web = prod.hostsOf("web", sshHosts);           // or prod.rolesFromGroups(sshHosts, "web") for a node
 *
 * // the Ansistrano workshop keeps group_vars/ beside inventory/, in the project directory
 * Inventory workshop = Inventory.load(project.resolve("inventory/hosts.ini"), project);
 * }</pre>
 *
 * <p>An environment (a stage: {@code test}, {@code prod}) is a group: it selects the hosts in that
 * group and adds the group's variables as its own layer (see {@link Variables} for precedence).
 * The methods of this class that return hosts see the inventory without an environment,
 * like {@link #all()}. Immutable and thread-safe.
 */
public final class Inventory {
  private final Map<String, GroupEntry> groups;
  private final Map<String, HostEntry> hosts;
  private final String description;
  private final Map<String, Integer> depths = new HashMap<>();
  private final Map<String, Set<String>> parents = new HashMap<>();

  Inventory(Map<String, GroupEntry> groups, Map<String, HostEntry> hosts, String description) {
    this.groups = Collections.unmodifiableMap(groups);
    this.hosts = Collections.unmodifiableMap(hosts);
    this.description = requireNonNull(description, "description");
    groups.values().forEach(g -> g.children().forEach(c -> parents.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(g.name())));
    groups.keySet().forEach(this::depth);
  }

  /**
   * Reads an Ansible inventory: an INI or YAML file, or a directory of them, with the
   * {@code group_vars/} and {@code host_vars/} beside it.
   *
   * @throws InventoryException naming the file and line of a malformed entry
   */
  public static Inventory load(Path inventory) {
    return InventoryLoader.load(inventory, Optional.empty());
  }

  /**
   * Reads an Ansible inventory as {@link #load(Path)}, then the {@code group_vars/} and
   * {@code host_vars/} of {@code playbookDir}, which override those beside the inventory, as
   * {@code ansible-playbook} does. Variable origins are shown relative to {@code playbookDir}.
   */
  public static Inventory load(Path inventory, Path playbookDir) {
    return InventoryLoader.load(inventory, Optional.of(playbookDir));
  }

  /** A builder for an inventory written in code. */
  public static InventoryBuilder builder() {
    return new InventoryBuilder();
  }

  /** The hosts of group {@code name} and its variables as seen by environment {@code name}. */
  public Environment environment(String name) {
    return Environment.of(this, Optional.of(name));
  }

  /** Every host, with no environment layer. */
  public Environment all() {
    return Environment.of(this, Optional.empty());
  }

  /** Group {@code name}, seen without an environment; throws {@link InventoryException} if none. */
  public InventoryGroup group(String name) {
    return all().group(name);
  }

  /** Every host, seen without an environment. */
  public List<InventoryHost> hosts() {
    return all().hosts();
  }

  /** Host {@code name}, seen without an environment; throws {@link InventoryException} if none. */
  public InventoryHost host(String name) {
    return all().host(name);
  }

  /** The hosts of group {@code group} made by {@code factory}, seen without an environment. */
  public List<Host> hostsOf(String group, HostFactory factory) {
    return all().hostsOf(group, factory);
  }

  /** Every host name, in inventory order. */
  public List<String> hostNames() {
    return List.copyOf(hosts.keySet());
  }

  /** Every group name, in inventory order, {@code all} and {@code ungrouped} included. */
  public List<String> groupNames() {
    return List.copyOf(groups.keySet());
  }

  /** Whether a group named {@code name} exists. */
  public boolean hasGroup(String name) {
    return groups.containsKey(name);
  }

  /** Where this inventory was read from, e.g. {@code inventory/hosts.ini}. */
  public String description() {
    return description;
  }

  GroupEntry groupEntry(String name) {
    GroupEntry group = groups.get(name);
    if (group == null) {
      throw new InventoryException("no group " + name + " in " + description + "; groups are: " + String.join(", ", groups.keySet()));
    }
    return group;
  }

  HostEntry hostEntry(String name) {
    HostEntry host = hosts.get(name);
    if (host == null) {
      throw new InventoryException("no host " + name + " in " + description + "; hosts are: " + String.join(", ", hosts.keySet()));
    }
    return host;
  }

  /** The hosts of {@code group} and of its descendants, in inventory order. */
  List<String> hostsIn(String group) {
    Set<String> members = new LinkedHashSet<>();
    collectHosts(group, members);
    return hosts.keySet().stream().filter(members::contains).toList();
  }

  /** The groups {@code host} is in, directly or through a child, {@code all} excluded, parents first. */
  List<String> groupsOf(String host) {
    Set<String> found = new LinkedHashSet<>();
    groups.values().stream().filter(g -> g.hosts().contains(host)).forEach(g -> collectAncestors(g.name(), found));
    found.remove(InventoryBuilder.ALL);
    return byDepth(found);
  }

  /** The ancestors of {@code group}, {@code all} included, parents first. */
  List<String> ancestorsOf(String group) {
    Set<String> found = new LinkedHashSet<>();
    collectAncestors(group, found);
    found.remove(group);
    return byDepth(found);
  }

  private void collectHosts(String group, Set<String> into) {
    GroupEntry entry = groupEntry(group);
    into.addAll(entry.hosts());
    entry.children().forEach(child -> collectHosts(child, into));
  }

  private void collectAncestors(String group, Set<String> into) {
    if (into.add(group)) {
      parents.getOrDefault(group, Set.of()).forEach(parent -> collectAncestors(parent, into));
    }
  }

  private List<String> byDepth(Set<String> names) {
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(Comparator.comparingInt(this::depth).thenComparing(Comparator.naturalOrder()));
    return sorted;
  }

  /** The length of the longest path from {@code all} to {@code group}, as Ansible orders groups. */
  private int depth(String group) {
    Integer known = depths.get(group);
    if (known != null) {
      return known;
    }
    int depth = parents.getOrDefault(group, Set.of()).stream().mapToInt(p -> depth(p) + 1).max().orElse(0);
    depths.put(group, depth);
    return depth;
  }

  @Override
  public String toString() {
    return "Inventory[" + hosts.size() + " hosts, " + groups.size() + " groups from " + description + "]";
  }
}
