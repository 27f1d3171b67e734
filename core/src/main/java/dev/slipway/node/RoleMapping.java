package dev.slipway.node;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a node gets its hosts: from its parent's roles, renamed or not, plus hosts given explicitly.
 * Filled in by the lambda given to {@link Node#child(String, Node, Consumer)} or {@link Node#roles}.
 *
 * <ul>
 *   <li>With no {@code map} call, the node takes every role of its parent under the same name.
 *   <li>With {@code map} calls, it takes only the mapped roles: {@code map("host", "web", "queue")}
 *       gives the child a role {@code host} holding every host of the parent's {@code web} and
 *       {@code queue} roles (python-deployer's {@code map_roles(host=['web', 'queue'])});
 *       {@code mapAll("host")} gives it every host of the parent ({@code ALL_HOSTS}).
 *   <li>{@code add} puts hosts in a role explicitly, on top of what was mapped.
 * </ul>
 *
 * <pre>{@code
 * root.child("git", new Git(), roles -> roles.map("host", "web", "load_balancer", "queue"))
 *     .child("db", new Database(), roles -> roles.map("master", "master_db").map("slave", "slave_db"))
 *     .child("local", new SayHello(), roles -> roles.add("host", LocalHost.create()));
 * }</pre>
 *
 * A parent role that does not exist is an error when the tree is built (a typo would otherwise
 * silently give an empty role); declare a role that may be empty with {@code add("slave_db")}.
 */
public final class RoleMapping {
  private final Map<String, List<String>> mapped = new LinkedHashMap<>();
  private final Map<String, List<Host>> added = new LinkedHashMap<>();

  RoleMapping() {
  }

  /** A mapping that gives the child role {@code childRole} the hosts of {@code parentRoles}. */
  public static Consumer<RoleMapping> mapRoles(String childRole, String... parentRoles) {
    return roles -> roles.map(childRole, parentRoles);
  }

  /** A mapping that gives the child role {@code childRole} every host of the parent. */
  public static Consumer<RoleMapping> allHosts(String childRole) {
    return roles -> roles.mapAll(childRole);
  }

  /** Puts {@code hosts} in {@code role} (declaring it, possibly empty). */
  public RoleMapping add(String role, Host... hosts) {
    return add(role, Arrays.asList(hosts));
  }

  /** Puts {@code hosts} in {@code role} (declaring it, possibly empty). */
  public RoleMapping add(String role, List<? extends Host> hosts) {
    checkRoleName(role);
    hosts.forEach(host -> requireNonNull(host, "host"));
    added.computeIfAbsent(role, r -> new ArrayList<>()).addAll(hosts);
    return this;
  }

  /** Gives {@code childRole} every host of the parent's {@code parentRoles} (in that order). */
  public RoleMapping map(String childRole, String... parentRoles) {
    checkRoleName(childRole);
    if (parentRoles.length == 0) {
      throw new IllegalArgumentException("map(\"" + childRole + "\") needs at least one parent role;"
          + " use mapAll(\"" + childRole + "\") for every host of the parent");
    }
    for (String parentRole : parentRoles) {
      checkRoleName(parentRole);
      mapped.computeIfAbsent(childRole, r -> new ArrayList<>()).add(parentRole);
    }
    return this;
  }

  /** Gives {@code childRole} every host of the parent, whatever its role. */
  public RoleMapping mapAll(String childRole) {
    checkRoleName(childRole);
    mapped.computeIfAbsent(childRole, r -> new ArrayList<>()).add(Roles.ALL);
    return this;
  }

  /** The node's roles given its parent's; adds a line to {@code problems} for each unknown parent role. */
  Roles resolve(Roles parent, String nodePath, List<String> problems) {
    Roles.Builder roles = Roles.builder();
    if (mapped.isEmpty()) {
      roles.addAll(parent);
    }
    mapped.forEach((childRole, parentRoles) -> {
      roles.declare(childRole);
      for (String parentRole : parentRoles) {
        if (parentRole.equals(Roles.ALL)) {
          roles.add(childRole, parent.hosts());
        } else if (parent.has(parentRole)) {
          roles.add(childRole, parent.hosts(parentRole));
        } else {
          problems.add(nodePath + ": role '" + childRole + "' is mapped from parent role '" + parentRole
              + "', but the parent has " + parent.describeRoles()
              + "; fix the name or declare it in the parent with roles.add(\"" + parentRole + "\")");
        }
      }
    });
    added.forEach(roles::add);
    return roles.build();
  }

  private static void checkRoleName(String role) {
    requireNonNull(role, "role");
    if (role.isBlank() || role.equals(Roles.ALL)) {
      throw new IllegalArgumentException("not a valid role name: '" + role + "'");
    }
  }
}
