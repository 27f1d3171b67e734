package dev.slipway.cli;

import dev.slipway.terminal.ExitCode;
import dev.slipway.terminal.RunOptions;
import dev.slipway.terminal.TreeText;
import dev.slipway.terminal.TerminalConsole;
import dev.slipway.node.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The launcher's grammar (see {@link Launcher}), declared with picocli. */
final class Commands {
  private Commands() {
  }

  static CommandLine commandLine(Launcher launcher, String name, String version) {
    CommandLine line = new CommandLine(new Main(launcher));
    line.setCommandName(name);
    line.getCommandSpec().version("Slipway " + version);
    line.addSubcommand("run", new RunCommand(launcher));
    line.addSubcommand("list", new ListCommand(launcher));
    line.addSubcommand("inspect", new InspectCommand(launcher));
    return line;
  }

  /**
   * The arguments with {@code run} in front when they start with neither a command nor
   * {@code --help}/{@code --version}: {@code run} is the default command ({@code PROGRAM --env prod},
   * {@code PROGRAM /web deploy v2}).
   */
  static String[] withDefaultCommand(CommandLine line, String... args) {
    if (args.length == 0 || line.getSubcommands().containsKey(args[0])
        || List.of("-h", "--help", "-V", "--version").contains(args[0])) {
      return args;
    }
    List<String> withRun = new ArrayList<>(List.of("run"));
    withRun.addAll(List.of(args));
    return withRun.toArray(String[]::new);
  }

  /** A node from a path, or a usage error naming the path and the nodes there are. */
  static Node node(Node root, String path) {
    if (!path.startsWith("/")) {
      throw new UsageException("the node path must start with /, was '" + path + "'");
    }
    return root.find(path).orElseThrow(() -> new UsageException("no node at " + path + "; nodes: "
        + String.join(", ", root.walk().map(Node::path).toList())));
  }

  @Command(mixinStandardHelpOptions = true, description = "Runs actions of a deployment tree.",
      footer = "%nrun is the default command: '/web deploy v2' is 'run /web deploy v2'; with no action, the"
          + " interactive shell opens.%n"
          + "Exit codes: 0 success, 1 failed on a host, 2 bad usage (path, action, argument), 3 not confirmed.")
  static final class Main implements Callable<Integer> {
    private final Launcher launcher;

    Main(Launcher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Integer call() {
      return launcher.shell(launcher.tree(new InventoryOptions()), RunOptions.DEFAULTS);
    }
  }

  @Command(name = "run", description = "Runs an action, or opens the shell at a node when no action is given.",
      mixinStandardHelpOptions = true)
  static final class RunCommand implements Callable<Integer> {
    private final Launcher launcher;

    @Option(names = "--path", paramLabel = "PATH", description = "The node, e.g. /production/web (default: /).")
    private String path;
    @Option(names = "--dry-run", description = "Print and syntax-check the commands; run nothing.")
    private boolean dryRun;
    @Option(names = "--non-interactive", description = "Ask nothing: take each question's default.")
    private boolean nonInteractive;
    @Option(names = {"-y", "--yes"}, description = "Answer yes to every confirmation, production's included.")
    private boolean yes;
    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8",
        description = "Hosts worked on at once (default: ${DEFAULT-VALUE}).")
    private int parallelism;
    @Option(names = "--log", paramLabel = "FILE", description = "Append every command and output line to FILE.")
    private Path log;
    @Mixin
    private InventoryOptions inventory = new InventoryOptions();
    @Parameters(paramLabel = "[PATH] ACTION ARG", description = "Node path (starting with /), action, arguments.")
    private List<String> words = new ArrayList<>();

    RunCommand(Launcher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Integer call() {
      List<String> rest = new ArrayList<>(words);
      String where = path != null ? path : !rest.isEmpty() && rest.get(0).startsWith("/") ? rest.remove(0) : "/";
      Node node = node(launcher.tree(inventory), where);
      RunOptions options = new RunOptions(dryRun, !nonInteractive, yes, parallelism, Optional.ofNullable(log));
      return rest.isEmpty() ? launcher.shell(node, options) : launcher.runAction(node, rest, options);
    }
  }

  @Command(name = "list", description = "Prints the tree: nodes, their groups and actions.",
      mixinStandardHelpOptions = true)
  static final class ListCommand implements Callable<Integer> {
    private final Launcher launcher;

    @Parameters(paramLabel = "PATH", defaultValue = "/", description = "Where to start (default: /).")
    private String path;
    @Mixin
    private InventoryOptions inventory = new InventoryOptions();

    ListCommand(Launcher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Integer call() {
      Node node = node(launcher.tree(inventory), path);
      new TreeText(launcher.console(RunOptions.DEFAULTS)).printTree(node);
      return ExitCode.OK;
    }
  }

  @Command(name = "inspect", description = "Shows a node: class, group, hosts by role, actions, children.",
      mixinStandardHelpOptions = true)
  static final class InspectCommand implements Callable<Integer> {
    private final Launcher launcher;

    @Parameters(paramLabel = "PATH", description = "The node, e.g. /production/web.")
    private String path;
    @Mixin
    private InventoryOptions inventory = new InventoryOptions();

    InspectCommand(Launcher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Integer call() {
      TerminalConsole console = launcher.console(RunOptions.DEFAULTS);
      new TreeText(console).printInspection(node(launcher.tree(inventory), path));
      return ExitCode.OK;
    }
  }
}
