package dev.slipway.release;

import dev.slipway.Host;
import dev.slipway.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The text of {@code .slipway/history}: one {@link HistoryEntry} per line, in the registry's field format. */
final class History {
  private History() {}

  /** The operation that appends {@code entries} to the history. */
  static Operation append(ReleaseLayout layout, List<HistoryEntry> entries) {
    StringBuilder text = new StringBuilder();
    entries.forEach(entry -> text.append(line(entry)).append('\n'));
    return new Operation.AppendFile(layout.history(), text.toString());
  }

  /** The history of the host, oldest first; empty before the first deploy. */
  static List<HistoryEntry> read(Host host, ReleaseLayout layout) {
    if (!host.exists(layout.history())) {
      return List.of();
    }
    List<HistoryEntry> entries = new ArrayList<>();
    host.readString(layout.history()).lines().filter(line -> !line.isBlank())
        .forEach(line -> entries.add(parse(line, layout)));
    return entries;
  }

  private static String line(HistoryEntry entry) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("at", entry.at().toString());
    fields.put("kind", entry.kind().name());
    fields.put("by", entry.by());
    entry.from().ifPresent(id -> fields.put("from", id.value()));
    entry.to().ifPresent(id -> fields.put("to", id.value()));
    fields.put("version", entry.version());
    fields.put("detail", entry.detail());
    return Registry.line(fields);
  }

  private static HistoryEntry parse(String line, ReleaseLayout layout) {
    Map<String, String> fields = Registry.fields(line);
    try {
      return new HistoryEntry(Instant.parse(fields.get("at")), HistoryEntry.Kind.valueOf(fields.get("kind")),
          fields.getOrDefault("by", "unknown"), Optional.ofNullable(fields.get("from")).map(ReleaseId::new),
          Optional.ofNullable(fields.get("to")).map(ReleaseId::new), fields.getOrDefault("version", ""),
          fields.getOrDefault("detail", ""));
    } catch (RuntimeException e) {
      throw new ReleaseException("unreadable line in the release history " + layout.history() + ": " + line
          + " (" + e.getMessage() + ")", e);
    }
  }
}
