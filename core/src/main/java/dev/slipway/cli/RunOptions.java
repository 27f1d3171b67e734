package dev.slipway.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the launcher runs actions, from the command line's options.
 *
 * @param dryRun whether commands are only printed and syntax-checked
 * @param interactive whether questions are asked (off with {@code --non-interactive})
 * @param assumeYes whether confirmations, production's included, are answered yes ({@code --yes})
 * @param parallelism how many hosts are worked on at once
 * @param log a file that receives every command and output line, if given
 * @param environment the inventory environment to use ({@code --env}), if given
 * @param inventory the inventory file ({@code --inventory}), if given
 * @param extraVars extra variables as given ({@code -e key=value}), for the inventory
 */
public record RunOptions(boolean dryRun, boolean interactive, boolean assumeYes, int parallelism,
                         Optional<Path> log, Optional<String> environment, Optional<Path> inventory,
                         List<String> extraVars) {
  /** Interactive, really running, eight hosts at once, no log. */
  public static final RunOptions DEFAULTS =
      new RunOptions(false, true, false, 8, Optional.empty(), Optional.empty(), Optional.empty(), List.of());

  public RunOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    extraVars = List.copyOf(extraVars);
  }
}
