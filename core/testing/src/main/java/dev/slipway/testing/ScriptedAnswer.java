package dev.slipway.testing;

import dev.slipway.spi.ExecResult;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a fake host answers to the commands a matcher accepts.
 *
 * @param description how the matcher reads in error messages, e.g. {@code /python3 -m venv .*&#47;}
 * @param matcher tests the command text
 * @param exitStatus the exit status to report
 * @param stdout the standard output to report
 * @param stderr the standard error to report
 * @param timesOut whether the command instead runs past its time limit
 * @param effect what the command does before it answers, e.g. create files on the fake's file system
 */
record ScriptedAnswer(String description, Predicate<String> matcher, int exitStatus, String stdout, String stderr,
                      boolean timesOut, Consumer<RecordedCommand> effect) {
  /** Commands with no effect beyond their answer. */
  static final Consumer<RecordedCommand> NO_EFFECT = command -> { };

  boolean matches(String command) {
    return matcher.test(command);
  }

  ExecResult result() {
    return new ExecResult(exitStatus, stdout, stderr, Duration.ZERO);
  }
}
