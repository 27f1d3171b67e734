package dev.slipway.provision;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;
import java.util.Optional;

/** A unified diff between a host's file and the wanted text (java-diff-utils). */
final class TextDiff {
  private static final int CONTEXT_LINES = 3;

  private TextDiff() {}

  /** The unified diff, or empty when the two texts have the same lines. */
  static Optional<String> unified(String path, String host, String current, String wanted) {
    List<String> before = current.lines().toList();
    List<String> after = wanted.lines().toList();
    Patch<String> patch = DiffUtils.diff(before, after);
    if (patch.getDeltas().isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(path + " (on " + host + ")", path + " (wanted)",
        before, patch, CONTEXT_LINES);
    return Optional.of(String.join("\n", lines) + "\n");
  }
}
