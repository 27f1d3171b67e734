package dev.slipway.tck;

import dev.slipway.Batch;
import dev.slipway.Operation;

/** Batches that exercise every file operation, for comparing transports with the fake. */
public final class BatchScenarios {
  /** Text that breaks naive quoting: quotes, expansions, backslashes, unicode, blank lines, no final newline. */
  public static final String HOSTILE_TEXT =
      "it's \"quoted\" $HOME ${X:-y} `id` \\n \\\\ %s %% ünïcødé 🚀\n\n\tlast line";

  private BatchScenarios() {}

  /** Every operation under {@code root}: directories, files, copies, links replaced, renames, removals. */
  public static Batch everyOperation(String root) {
    return Batch.of(
        new Operation.Mkdirs(root + "/releases/1"),
        new Operation.Mkdirs(root + "/shared/log"),
        new Operation.WriteFile(root + "/releases/1/app.py", HOSTILE_TEXT, 0644),
        new Operation.WriteFile(root + "/releases/1/run.sh", "#!/bin/sh\nexec python3 app.py\n", 0755),
        new Operation.CreateDirectory(root + "/releases/2"),
        new Operation.Copy(root + "/releases/1/app.py", root + "/releases/2"),
        new Operation.Copy(root + "/releases/1", root + "/releases/3"),
        new Operation.Symlink(root + "/shared/log", root + "/releases/1/log"),
        new Operation.Symlink("releases/1", root + "/current"),
        new Operation.Symlink("releases/3", root + "/current"),
        new Operation.Symlink("releases/2", root + "/next"),
        new Operation.Rename(root + "/next", root + "/current"),
        new Operation.WriteFile(root + "/shared/config", "old", 0600),
        new Operation.WriteFile(root + "/shared/config.new", "new", 0640),
        new Operation.Rename(root + "/shared/config.new", root + "/shared/config"),
        new Operation.Remove(root + "/releases/3"),
        new Operation.AppendFile(root + "/shared/history", "first\n"),
        new Operation.AppendFile(root + "/shared/history", HOSTILE_TEXT + "\n"),
        new Operation.Symlink("/nonexistent/target", root + "/dangling"),
        new Operation.Mkdirs(root + "/releases/1"));
  }

  /** Three operations under {@code root} of which the second fails (the directory exists). */
  public static Batch failingSecond(String root) {
    return Batch.of(
        new Operation.Mkdirs(root + "/locked"),
        new Operation.CreateDirectory(root + "/locked"),
        new Operation.Mkdirs(root + "/after"));
  }
}
