package dev.slipway.node;

import static java.util.Objects.requireNonNull;

/**
 * A category a node belongs to, such as production or staging. The shell colours a node by its
 * group and asks for confirmation before running an action in the production group. A node without
 * its own group takes its parent's.
 *
 * <pre>{@code
 * Node.root()
 *     .child("staging", new WebSystem().inGroup(Group.STAGING))
 *     .child("production", new WebSystem().inGroup(Group.PRODUCTION))
 *     .child("beta", new WebSystem().inGroup(Group.of("beta", Group.Color.BLUE)));
 * }</pre>
 *
 * @param name the group's name, e.g. {@code "production"}
 * @param color the colour the shell shows its nodes in
 */
public record Group(String name, Color color) {
  /** Live systems: actions here ask for confirmation. */
  public static final Group PRODUCTION = new Group("production", Color.RED);
  /** Pre-production systems. */
  public static final Group STAGING = new Group("staging", Color.YELLOW);

  public Group {
    requireNonNull(name, "name");
    requireNonNull(color, "color");
    if (name.isBlank()) {
      throw new IllegalArgumentException("group name must not be blank");
    }
  }

  /** A user-defined group. */
  public static Group of(String name, Color color) {
    return new Group(name, color);
  }

  /** Whether this is the production group, whose actions need confirmation. */
  public boolean isProduction() {
    return name.equals(PRODUCTION.name);
  }

  /** The terminal colours a group can be shown in. */
  public enum Color { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE }
}
