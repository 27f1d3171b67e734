package dev.slipway.terminal;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the launcher runs actions, from the command line's options.
 *
 * @param dryRun whether commands are only printed and syntax-checked
 * @param interactive whether questions are asked (off with {@code --non-interactive})
 * @param assumeYes whether confirmations, production's included, are answered yes ({@code --yes})
 * @param parallelism how many hosts are worked on at once
 * @param log a file that receives every command and output line, if given
 */
public record RunOptions(boolean dryRun, boolean interactive, boolean assumeYes, int parallelism,
                         Optional<Path> log) {
  /** Interactive, really running, eight hosts at once, no log. */
  public static final RunOptions DEFAULTS =
      new RunOptions(false, true, false, 8, Optional.empty());

  public RunOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    requireNonNull(log, "log");
  }
}
