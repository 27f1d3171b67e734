package dev.slipway;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code stat} (without following symlinks) says about one path on a host.
 *
 * @param path the path as asked for, or the full path of a listed entry
 * @param type file, directory, symlink or other
 * @param size the size in bytes (the link text's length for a symlink)
 * @param mode the permission bits, e.g. {@code 0644}
 * @param modified the last modification time
 * @param linkTarget the link text, for a symlink
 */
public record FileInfo(String path, Type type, long size, int mode, Instant modified,
                       Optional<String> linkTarget) {
  public FileInfo {
    requireNonNull(path, "path");
    requireNonNull(type, "type");
    requireNonNull(modified, "modified");
    requireNonNull(linkTarget, "linkTarget");
  }

  /** The last element of the path. */
  public String name() {
    String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  public boolean isDirectory() {
    return type == Type.DIRECTORY;
  }

  public boolean isSymlink() {
    return type == Type.SYMLINK;
  }

  public boolean isRegularFile() {
    return type == Type.FILE;
  }

  /** The kinds of file a host reports. */
  public enum Type { FILE, DIRECTORY, SYMLINK, OTHER }
}
