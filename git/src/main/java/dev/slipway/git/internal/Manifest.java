package dev.slipway.git.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The files of a release with their content hashes, written into each release as
 * {@value #FILE_NAME} so that the next deploy can send only what changed. One line per file:
 * {@code <sha256> <git mode> <blob id> <path>}, the path escaped so that it fits on one line.
 *
 * @param commit the commit the files came from
 * @param entries the files, in tree order
 */
public record Manifest(String commit, List<Entry> entries) {
  /** The manifest's name inside a release. */
  public static final String FILE_NAME = ".slipway-manifest";
  private static final String HEADER = "# slipway manifest v1 ";

  public Manifest {
    entries = List.copyOf(entries);
  }

  /**
   * One file of the release.
   *
   * @param path the path relative to the release
   * @param mode the git mode: {@code 100644}, {@code 100755} or {@code 120000} (a symlink)
   * @param sha256 the hex SHA-256 of the content (of the link text for a symlink)
   * @param blob the git blob id of the content
   */
  public record Entry(String path, int mode, String sha256, String blob) {
    boolean sameContent(Entry other) {
      return other != null && mode == other.mode && sha256.equals(other.sha256);
    }
  }

  /** The text written into the release. */
  public String render() {
    StringBuilder text = new StringBuilder(HEADER).append(commit).append('\n');
    for (Entry entry : entries) {
      text.append(entry.sha256).append(' ').append(Integer.toOctalString(entry.mode)).append(' ')
          .append(entry.blob).append(' ').append(escape(entry.path)).append('\n');
    }
    return text.toString();
  }

  /** The manifest in {@code text}; empty if the text is not a Slipway manifest. */
  public static Optional<Manifest> parse(String text) {
    String[] lines = text.split("\n");
    if (lines.length == 0 || !lines[0].startsWith(HEADER)) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] fields = lines[i].split(" ", 4);
      if (fields.length != 4) {
        return Optional.empty();
      }
      entries.add(new Entry(unescape(fields[3]), Integer.parseInt(fields[1], 8), fields[0], fields[2]));
    }
    return Optional.of(new Manifest(lines[0].substring(HEADER.length()), entries));
  }

  /** The entries of this manifest whose content {@code previous} does not have at the same path. */
  public List<Entry> changedSince(Manifest previous) {
    Map<String, Entry> before = previous.byPath();
    return entries.stream().filter(entry -> !entry.sameContent(before.get(entry.path))).toList();
  }

  /** The entries of this manifest that {@code previous} has with the same content and mode. */
  public List<Entry> unchangedSince(Manifest previous) {
    Map<String, Entry> before = previous.byPath();
    return entries.stream().filter(entry -> entry.sameContent(before.get(entry.path))).toList();
  }

  /** Every directory of the release (each parent of a file), parents before children. */
  public SortedSet<String> directories() {
    SortedSet<String> directories = new TreeSet<>();
    for (Entry entry : entries) {
      for (int slash = entry.path.lastIndexOf('/'); slash > 0; slash = entry.path.lastIndexOf('/', slash - 1)) {
        directories.add(entry.path.substring(0, slash));
      }
    }
    return directories;
  }

  private Map<String, Entry> byPath() {
    Map<String, Entry> map = new LinkedHashMap<>();
    entries.forEach(entry -> map.put(entry.path, entry));
    return map;
  }

  private static String escape(String path) {
    return path.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String unescape(String path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length()) {
        out.append(path.charAt(++i) == 'n' ? '\n' : path.charAt(i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
