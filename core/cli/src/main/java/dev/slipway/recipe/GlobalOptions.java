package dev.slipway.recipe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command of a recipe takes, before or after the command's name. */
final class GlobalOptions {
  @Option(names = "--env", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "The inventory environment (a group such as prod) to deploy to; needs an inventory.")
  String env;

  @Option(names = "--inventory", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "An Ansible-style project (DIR/inventory/hosts.ini and group_vars/) or an inventory file;"
          + " its deploy_to, keep_releases and shared_paths override the recipe's.")
  Path inventory;

  @Option(names = "--ssh", paramLabel = "HOST", split = ",", scope = ScopeType.INHERIT,
      description = "Deploy to these SSH hosts instead of the recipe's (each made by the program's ssh(...),"
          + " e.g. SshHost.builder(HOST): a host name, a ~/.ssh/config alias or user@host:port).")
  List<String> ssh = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "HOST|GROUP", split = ",", scope = ScopeType.INHERIT,
      description = "Only these hosts, or the hosts of these inventory groups.")
  List<String> limit = new ArrayList<>();

  @Option(names = "--dry-run", scope = ScopeType.INHERIT,
      description = "Read the hosts' state, print what would change, change nothing.")
  boolean dryRun;

  @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT,
      description = "Answer yes to confirmations (unlock --force), also without a terminal.")
  boolean yes;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "10", scope = ScopeType.INHERIT,
      description = "Hosts worked on at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--json", scope = ScopeType.INHERIT,
      description = "One JSON object per line on stdout for every event and result, each with type, host, time.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only problems.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print every command, and the stack trace of an unexpected failure.")
  boolean verbose;

  TextPrinter.Verbosity verbosity() {
    return quiet ? TextPrinter.Verbosity.QUIET : verbose ? TextPrinter.Verbosity.VERBOSE : TextPrinter.Verbosity.NORMAL;
  }
}
