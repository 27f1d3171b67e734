package dev.slipway.node;

import dev.slipway.Host;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Role name to hosts, immutable, in declaration order; a host (by name) appears once per role and
 * once in {@link #hosts()} however many roles it has.
 */
final class Roles {
  /** The marker for "every host of the parent" in a mapping; not a valid role name. */
  static final String ALL = "*";
  static final Roles NONE = new Roles(Map.of());

  private final Map<String, List<Host>> byRole;

  private Roles(Map<String, List<Host>> byRole) {
    this.byRole = byRole;
  }

  static Builder builder() {
    return new Builder();
  }

  boolean has(String role) {
    return byRole.containsKey(role);
  }

  Set<String> names() {
    return byRole.keySet();
  }

  List<Host> hosts(String role) {
    return byRole.getOrDefault(role, List.of());
  }

  /** Every host, each once, in the order first seen. */
  List<Host> hosts() {
    Map<String, Host> distinct = new LinkedHashMap<>();
    byRole.values().forEach(hosts -> hosts.forEach(host -> distinct.putIfAbsent(host.name(), host)));
    return List.copyOf(distinct.values());
  }

  Map<String, List<Host>> asMap() {
    return byRole;
  }

  /** These roles with {@code role} holding only {@code host}. */
  Roles isolate(String role, Host host) {
    Map<String, List<Host>> copy = new LinkedHashMap<>(byRole);
    copy.put(role, List.of(host));
    return new Roles(Collections.unmodifiableMap(copy));
  }

  /** These roles with every host replaced by {@code view(host)}. */
  Roles map(UnaryOperator<Host> view) {
    Map<String, Host> views = new LinkedHashMap<>();
    hosts().forEach(host -> views.put(host.name(), view.apply(host)));
    Builder builder = builder();
    byRole.forEach((role, hosts) -> builder.add(role, hosts.stream().map(h -> views.get(h.name())).toList()));
    return builder.build();
  }

  String describeRoles() {
    return byRole.isEmpty() ? "no roles" : "roles " + byRole.keySet();
  }

  /** Collects roles, dropping a host already in the same role. */
  static final class Builder {
    private final Map<String, List<Host>> byRole = new LinkedHashMap<>();

    Builder declare(String role) {
      byRole.computeIfAbsent(role, r -> new ArrayList<>());
      return this;
    }

    Builder add(String role, List<? extends Host> hosts) {
      List<Host> list = byRole.computeIfAbsent(role, r -> new ArrayList<>());
      for (Host host : hosts) {
        if (list.stream().noneMatch(h -> h.name().equals(host.name()))) {
          list.add(host);
        }
      }
      return this;
    }

    Builder addAll(Roles roles) {
      roles.byRole.forEach(this::add);
      return this;
    }

    Roles build() {
      Map<String, List<Host>> copy = new LinkedHashMap<>();
      byRole.forEach((role, hosts) -> copy.put(role, List.copyOf(hosts)));
      return new Roles(Collections.unmodifiableMap(copy));
    }
  }
}
