package dev.slipway.recipe;

import dev.slipway.release.Release;
import dev.slipway.release.ReleaseState;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The text of {@code releases}: one table per host, newest first, the live release marked {@code *}. */
final class ReleaseTable {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String ROW = "  %s %-18s %-10s %-9s %-12s %-24s %s%n";

  private ReleaseTable() {
  }

  static String format(String host, List<Release> releases) {
    if (releases.isEmpty()) {
      return host + ": no releases yet";
    }
    StringBuilder table = new StringBuilder(host + " (newest first, * live):\n");
    table.append(String.format(ROW, " ", "ID", "VERSION", "COMMIT", "STATE", "DEPLOYED BY", "AT (UTC)"));
    for (Release release : releases) {
      table.append(String.format(ROW, release.state() == ReleaseState.LIVE ? "*" : " ", release.id(), release.version(),
          release.commit().map(commit -> commit.substring(0, Math.min(7, commit.length()))).orElse("-"),
          release.state().name().toLowerCase().replace('_', ' '), release.deployedBy(), WHEN.format(release.deployedAt())));
    }
    return table.toString().stripTrailing();
  }
}
