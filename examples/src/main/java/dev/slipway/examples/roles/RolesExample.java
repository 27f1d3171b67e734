package dev.slipway.examples.roles;

import dev.slipway.Host;
import dev.slipway.event.CommandEvent;
import dev.slipway.event.Event;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Execution;
import dev.slipway.node.Node;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an action of the {@link WebSystem} tree in dry-run and prints each command with the host it
 * would run on: what the staging and the production system each do for the same action. The
 * machines are named dry-run views of this one (nothing is executed, each command is only checked
 * with {@code sh -n}, even when an action is run without dry-run, e.g. from {@link RolesShell}); give
 * real {@code SshHost}s to {@link WebSystem#tree} to run it for real.
 *
 * <pre>
 * RolesExample                          # /staging deploy v2, then /production deploy v2
 * RolesExample /production/database backup
 * </pre>
 */
public final class RolesExample {
  private static final String REPOSITORY = "https://git.example.com/websystem.git";

  private RolesExample() {
  }

  /** Prints the plan of {@code args} (path, action, arguments), or of a deploy of v2 to both systems. */
  public static void main(String[] args) {
    Node root = tree();
    if (args.length >= 2) {
      plan(root, args[0], args[1], Arrays.asList(args).subList(2, args.length), System.out);
    } else {
      plan(root, "/staging", "deploy", List.of("v2"), System.out);
      plan(root, "/production", "deploy", List.of("v2"), System.out);
    }
  }

  /** The example's tree: staging on one machine, production on ten, all dry-run stand-ins for this one. */
  public static Node tree() {
    Topology production = Topology.builder()
        .loadBalancers(machine("lb0"), machine("lb1"))
        .web(machine("web1"), machine("web2"), machine("web3"))
        .masterDb(machine("master-db")).slaveDbs(machine("slave-db"))
        .queue(machine("queue")).cache(machine("cache"))
        .build();
    return WebSystem.tree(REPOSITORY, Topology.oneHost(machine("staging")), production);
  }

  /** Runs {@code action} at {@code path} in dry-run, printing a heading and one line per command. */
  public static void plan(Node root, String path, String action, List<String> arguments, PrintStream out) {
    out.println("== " + path + " " + action + " " + String.join(" ", arguments));
    try (Execution execution = Execution.builder(root).dryRun(true).parallelism(1)
        .listener(event -> print(event, out)).build()) {
      execution.invoke(path, action, arguments);
    }
  }

  // Dry-run views: whoever runs an action of this tree, no systemctl or sudo runs on this machine.
  private static Host machine(String name) {
    return LocalHost.named(name).dryRun();
  }

  private static void print(Event event, PrintStream out) {
    if (event instanceof CommandEvent command) {
      out.println("[" + command.host() + "] " + command.command()
          + (command.context().isEmpty() ? "" : "  " + command.context()));
    }
  }
}
