package dev.slipway.recipe;

import dev.slipway.cli.Slipway;
import dev.slipway.node.Node;
import dev.slipway.release.RestoreData;
import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The standard commands of every recipe, declared with picocli; see {@link Recipe} and {@link ExitStatus}. */
final class RecipeCommandLine {
  private RecipeCommandLine() {
  }

  static CommandLine create(Recipe recipe, PrintStream out, PrintStream err) {
    CommandLine line = new CommandLine(new Main(recipe, out, err));
    line.setCommandName(recipe.name);
    for (int i = 0; i < recipe.options.size(); i++) {
      line.addMixin("options" + i, recipe.options.get(i));
    }
    for (Object command : new Object[] {new Deploy(), new Rollback(), new Releases(), new Status(), new Unlock(),
        new Check(), new Stop(), new Provision(), new Shell()}) {
      line.addSubcommand(command);
    }
    line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    line.setParameterExceptionHandler((e, args) -> {
      err.println("error: " + e.getMessage() + " (see --help)");
      return ExitStatus.USAGE;
    });
    return line;
  }

  @Command(mixinStandardHelpOptions = true, version = "Slipway", sortOptions = false,
      description = "Deploys the app: releases under its deploy path, switched on every host at once.",
      footer = {"%nExit codes: 0 ok; 1 failed (a deploy failed before the switch: nothing changed; check found"
          + " problems); 2 bad usage; 3 switched back after a failed health check; 4 a host is locked;"
          + " 5 not confirmed."})
  static final class Main implements Callable<Integer> {
    final Recipe recipe;
    final PrintStream out;
    final PrintStream err;
    @Mixin
    GlobalOptions options = new GlobalOptions();

    Main(Recipe recipe, PrintStream out, PrintStream err) {
      this.recipe = recipe;
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() {
      err.println("error: no command given; the commands: deploy, rollback, releases, status, unlock, check, stop,"
          + " provision, shell (see --help)");
      return ExitStatus.USAGE;
    }

    int run(String command, ToIntFunction<RecipeTasks> task) {
      return Session.run(recipe, options, out, err, command, session -> task.applyAsInt(new RecipeTasks(session)));
    }
  }

  @Command(name = "deploy", mixinStandardHelpOptions = true,
      description = "Deploys REF (tag, branch or commit; default: the recipe's) to every host: all prepare, then"
          + " all switch; each checked by the health check.")
  static final class Deploy implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Parameters(paramLabel = "REF", arity = "0..1", description = "What to deploy, e.g. v2.")
    String ref;

    @Override
    public Integer call() {
      return main.run("deploy", tasks -> tasks.deploy(Optional.ofNullable(ref)));
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Switches every host back to its previous good release, or to VERSION (a version or a release"
          + " id); the health check then asks for that release's version.")
  static final class Rollback implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Parameters(paramLabel = "VERSION|ID", arity = "0..1", description = "The release to go back to.")
    String target;
    @Option(names = "--restore-data", description = "Also restore the data backed up when the release rolled back"
        + " from was deployed (its database as it was before that release's migration).")
    boolean restoreData;

    @Override
    public Integer call() {
      RestoreData restore = restoreData ? RestoreData.YES : RestoreData.NO;
      return main.run("rollback", tasks -> tasks.rollback(Optional.ofNullable(target), restore));
    }
  }

  @Command(name = "provision", mixinStandardHelpOptions = true,
      description = "Converges every host to the recipe's provisioning, layer by layer (all, or the LAYERs named):"
          + " changes only what differs; --dry-run shows each diff.")
  static final class Provision implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Parameters(paramLabel = "LAYER", arity = "0..*", description = "Layers to apply, e.g. server platform.")
    List<String> layers = List.of();

    @Override
    public Integer call() {
      return main.run("provision", tasks -> tasks.provision(layers));
    }
  }

  @Command(name = "releases", mixinStandardHelpOptions = true,
      description = "Lists each host's releases, newest first: id, version, commit, state, who, when; * is live.")
  static final class Releases implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Option(names = "--history", description = "Prints the append-only history instead: every deploy, rollback,"
        + " failed attempt and broken lock, who and when, from which release to which.")
    boolean history;

    @Override
    public Integer call() {
      return main.run("releases", history ? RecipeTasks::history : RecipeTasks::releases);
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Shows each host's live release and version, its services (running, pid) and who holds the lock.")
  static final class Status implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
      return main.run("status", RecipeTasks::status);
    }
  }

  @Command(name = "unlock", mixinStandardHelpOptions = true,
      description = "Shows who holds each host's deploy lock and breaks it when its holder is gone;"
          + " --force breaks a live one, after asking.")
  static final class Unlock implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Option(names = "--force", description = "Also break a lock whose holder may still be deploying.")
    boolean force;

    @Override
    public Integer call() {
      return main.run("unlock", tasks -> tasks.unlock(force, question -> confirm(main, question)));
    }

    private static boolean confirm(Main main, String question) {
      Console console = System.console();
      if (main.options.yes || console == null) {
        return main.options.yes;
      }
      String answer = console.readLine("%s [y/N] ", question);
      return answer != null && answer.strip().equalsIgnoreCase("y");
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Pre-flight, changing nothing: the ref resolves; each host answers; the deploy path is writable;"
          + " there is room for a release; the needed programs are there; no lock is held. One line per problem.")
  static final class Check implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Parameters(paramLabel = "REF", arity = "0..1", description = "The ref a deploy would take.")
    String ref;

    @Override
    public Integer call() {
      return main.run("check", tasks -> tasks.check(Optional.ofNullable(ref)));
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops the app's services on every host.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
      return main.run("stop", RecipeTasks::stop);
    }
  }

  @Command(name = "shell", mixinStandardHelpOptions = true,
      description = "Opens the interactive shell on the app's node, whose actions are these commands.")
  static final class Shell implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
      if (System.console() == null) {
        main.err.println("error: the shell needs a terminal; run a command instead (see --help)");
        return ExitStatus.USAGE;
      }
      Node root = Node.root().child(main.recipe.name, new RecipeNode(main.recipe, main.options, main.out, main.err));
      Slipway.start(root, "run", "/" + main.recipe.name);
      return ExitStatus.OK;
    }
  }
}
