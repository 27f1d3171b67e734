package dev.slipway.release;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The text of the release registry, {@code .slipway/releases}: one line per release, fields
 * {@code key=value} separated by tabs, values percent-encoded, so a line survives any version
 * string. A release kept elsewhere than {@code releases/<id>} (a failed one) has {@code dir},
 * relative to {@code deployTo}. Written whole and atomically (a temporary file renamed over the old one) under the lock.
 */
final class Registry {
  private static final String HEADER = "# slipway release registry v1: one release per line, newest last\n";
  private static final String META = "meta.";

  private Registry() {}

  static String format(List<Release> releases, ReleaseLayout layout) {
    StringBuilder text = new StringBuilder(HEADER);
    releases.stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(release -> {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("id", release.id().value());
      fields.put("state", release.state().name());
      fields.put("version", release.version());
      fields.put("source", release.source());
      release.commit().ifPresent(commit -> fields.put("commit", commit));
      fields.put("by", release.deployedBy());
      fields.put("at", release.deployedAt().toString());
      if (!release.directory().equals(layout.release(release.id()))) {
        fields.put("dir", relative(release.directory(), layout));
      }
      release.metadata().forEach((key, value) -> fields.put(META + key, value));
      text.append(line(fields)).append('\n');
    });
    return text.toString();
  }

  /** One line of {@code key=value} fields, tab separated, percent-encoded. */
  static String line(Map<String, String> fields) {
    List<String> pairs = new ArrayList<>();
    fields.forEach((key, value) -> pairs.add(encode(key) + "=" + encode(value)));
    return String.join("\t", pairs);
  }

  /** The fields of a line written by {@link #line}. */
  static Map<String, String> fields(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : line.split("\t")) {
      String[] kv = pair.split("=", 2);
      fields.put(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : "");
    }
    return fields;
  }

  static List<Release> parse(String text, ReleaseLayout layout) {
    List<Release> releases = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        releases.add(parseLine(line, layout));
      }
    }
    return releases;
  }

  private static Release parseLine(String line, ReleaseLayout layout) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> metadata = new TreeMap<>();
    fields(line).forEach((key, value) -> {
      if (key.startsWith(META)) {
        metadata.put(key.substring(META.length()), value);
      } else {
        fields.put(key, value);
      }
    });
    try {
      ReleaseId id = new ReleaseId(fields.get("id"));
      return new Release(id, fields.getOrDefault("version", "unknown"), fields.getOrDefault("source", ""),
          Optional.ofNullable(fields.get("commit")), fields.getOrDefault("by", "unknown"),
          Instant.parse(fields.get("at")), ReleaseState.valueOf(fields.get("state")),
          fields.containsKey("dir") ? layout.deployTo() + "/" + fields.get("dir") : layout.release(id), metadata);
    } catch (RuntimeException e) {
      throw new ReleaseException("unreadable line in the release registry " + layout.registry() + ": " + line
          + " (" + e.getMessage() + "); fix or remove that line", e);
    }
  }

  private static String relative(String directory, ReleaseLayout layout) {
    if (!directory.startsWith(layout.deployTo() + "/")) {
      throw new IllegalArgumentException("a release directory outside " + layout.deployTo() + ": " + directory);
    }
    return directory.substring(layout.deployTo().length() + 1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
