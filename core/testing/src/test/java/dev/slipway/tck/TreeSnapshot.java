package dev.slipway.tck;

import dev.slipway.FileInfo;
import dev.slipway.Host;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory tree as seen through a {@link Host}'s own file operations: each path relative to the
 * root with its type, and a file's mode and content or a link's target. Two hosts that did the same
 * thing have equal snapshots. Directory modes are left out: they follow each host's umask.
 */
public final class TreeSnapshot {
  private TreeSnapshot() {}

  /** The tree under {@code root} on {@code host}. */
  public static Map<String, String> of(Host host, String root) {
    Map<String, String> tree = new TreeMap<>();
    walk(host, root, "", tree);
    return tree;
  }

  private static void walk(Host host, String directory, String relative, Map<String, String> tree) {
    for (FileInfo entry : host.list(directory)) {
      String name = relative + entry.name();
      if (entry.isDirectory()) {
        tree.put(name, "directory");
        walk(host, entry.path(), name + "/", tree);
      } else if (entry.isSymlink()) {
        tree.put(name, "symlink -> " + entry.linkTarget().orElseThrow());
      } else {
        tree.put(name, String.format("file %04o %s", entry.mode(),
            new String(host.read(entry.path()), StandardCharsets.UTF_8)));
      }
    }
  }
}
