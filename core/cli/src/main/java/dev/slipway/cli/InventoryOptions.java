package dev.slipway.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The command line's inventory options, shared by {@code run}, {@code list} and {@code inspect}. */
final class InventoryOptions {
  @Option(names = "--inventory", paramLabel = "FILE", description = "Ansible-style inventory (INI or YAML) or its directory.")
  private Path inventory;
  @Option(names = "--env", paramLabel = "NAME", description = "The environment: a group of the inventory, e.g. prod.")
  private String environment;
  @Option(names = {"-e", "--extra-var"}, paramLabel = "KEY=VALUE",
      description = "An extra variable overriding the inventory's (also @file.yml or inline YAML); repeatable.")
  private List<String> extraVars = new ArrayList<>();

  Optional<Path> inventory() {
    return Optional.ofNullable(inventory);
  }

  Optional<String> environment() {
    return Optional.ofNullable(environment);
  }

  List<String> extraVars() {
    return List.copyOf(extraVars);
  }

  boolean given() {
    return inventory != null || environment != null || !extraVars.isEmpty();
  }
}
