package dev.slipway.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects what is wrong with one node's settings when the tree is built; given to
 * {@link Node#requires(Requirements)}. Every problem of every node is reported at once.
 *
 * <pre>{@code
 * @Override protected void requires(Requirements requirements) {
 *   requirements.setting("domain", domain)
 *       .check("port", port > 0 && port < 65536, "must be a TCP port, was " + port);
 * }
 * }</pre>
 */
public final class Requirements {
  private final String path;
  private final List<String> problems = new ArrayList<>();

  Requirements(String path) {
    this.path = path;
  }

  /** Requires {@code value} to be set: not {@code null}, not a blank string, not an empty collection. */
  public Requirements setting(String name, Object value) {
    return check(name, isSet(value), "is not set");
  }

  /** Records {@code problem} for setting {@code name} unless {@code ok}. */
  public Requirements check(String name, boolean ok, String problem) {
    if (!ok) {
      problems.add(path + ": setting '" + name + "' " + problem);
    }
    return this;
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  static boolean isSet(Object value) {
    if (value instanceof CharSequence text) {
      return !text.toString().isBlank();
    }
    if (value instanceof Collection<?> collection) {
      return !collection.isEmpty();
    }
    return value != null;
  }
}
