package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.Host;

/**
 * A group on the host, added with {@code groupadd} when missing: {@code SystemGroup.named("notes")}
 * is a system group, {@code SystemGroup.regular("staff")} an ordinary one.
 *
 * @param name the group's name
 * @param system whether it is a system group ({@code groupadd --system})
 */
public record SystemGroup(String name, boolean system) implements Resource {
  public SystemGroup {
    Accounts.requireName(requireNonNull(name, "name"));
  }

  /** A system group. */
  public static SystemGroup named(String name) {
    return new SystemGroup(name, true);
  }

  /** An ordinary group. */
  public static SystemGroup regular(String name) {
    return new SystemGroup(name, false);
  }

  @Override
  public String describe() {
    return "group " + name;
  }

  @Override
  public Plan plan(Host host) {
    if (host.test(Command.cmd("getent", "group", name))) {
      return Plan.unchanged();
    }
    return Plan.change("create", live -> live.run(system
        ? Command.cmd("groupadd", "--system", name) : Command.cmd("groupadd", name)));
  }
}
