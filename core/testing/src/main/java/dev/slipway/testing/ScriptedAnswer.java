package dev.slipway.testing;

import dev.slipway.spi.ExecResult;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a fake host answers to the commands a matcher accepts.
 *
 * @param description how the matcher reads in error messages, e.g. {@code /python3 -m venv .*&#47;}
 * @param matcher tests the command text
 * @param timesOut whether the command instead runs past its time limit
 * @param reply what the command does (e.g. create files on the fake's file system) and answers
 */
record ScriptedAnswer(String description, Predicate<String> matcher, boolean timesOut,
                      Function<RecordedCommand, ExecResult> reply) {
  /** Commands with no effect beyond their answer. */
  static final Consumer<RecordedCommand> NO_EFFECT = command -> { };

  /** Answers with {@code exitStatus}, {@code stdout} and {@code stderr} after doing {@code effect}. */
  static ScriptedAnswer of(String description, Predicate<String> matcher, int exitStatus, String stdout,
                           String stderr, boolean timesOut, Consumer<RecordedCommand> effect) {
    ExecResult result = new ExecResult(exitStatus, stdout, stderr, Duration.ZERO);
    return new ScriptedAnswer(description, matcher, timesOut, call -> {
      effect.accept(call);
      return result;
    });
  }

  boolean matches(String command) {
    return matcher.test(command);
  }
}
