package dev.slipway.recipe;

import dev.slipway.SlipwayException;
import dev.slipway.node.Action;
import dev.slipway.node.Node;
import dev.slipway.release.RestoreData;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * A recipe's commands as the actions of one node, for the interactive shell ({@code shell}): the
 * same hosts and options as the command line that opened it.
 */
public class RecipeNode extends Node {
  private final Recipe recipe;
  private final GlobalOptions options;
  private final PrintStream out;
  private final PrintStream err;

  RecipeNode(Recipe recipe, GlobalOptions options, PrintStream out, PrintStream err) {
    this.recipe = recipe;
    this.options = options;
    this.out = out;
    this.err = err;
  }

  @Action(description = "Deploy a ref (v1, v2, ...) to every host, switching when all are ready")
  public void deploy(String ref) {
    run("deploy", tasks -> tasks.deploy(Optional.of(ref)));
  }

  @Action(description = "Switch every host back to its previous good release")
  public void rollback() {
    run("rollback", tasks -> tasks.rollback(Optional.empty(), RestoreData.NO));
  }

  @Action(name = "rollback_to", description = "Switch every host to the release of a version or release id")
  public void rollbackTo(String versionOrId) {
    run("rollback", tasks -> tasks.rollback(Optional.of(versionOrId), RestoreData.NO));
  }

  @Action(description = "List each host's releases, newest first")
  public void releases() {
    run("releases", RecipeTasks::releases);
  }

  @Action(description = "Show each host's live release, services and lock")
  public void status() {
    run("status", RecipeTasks::status);
  }

  @Action(description = "Check that a deploy of a ref could work, changing nothing")
  public void check(String ref) {
    run("check", tasks -> tasks.check(Optional.of(ref)));
  }

  @Action(description = "Break a deploy lock whose holder is gone")
  public void unlock() {
    run("unlock", tasks -> tasks.unlock(false, question -> false));
  }

  private void run(String command, ToIntFunction<RecipeTasks> task) {
    int exit = Session.run(recipe, options, out, err, command, session -> task.applyAsInt(new RecipeTasks(session)));
    if (exit != ExitStatus.OK) {
      throw new SlipwayException(command + " failed (exit status " + exit + ")");
    }
  }
}
