package dev.slipway.shell;

import dev.slipway.cli.Slipway;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Action;
import dev.slipway.node.Group;
import dev.slipway.node.Node;
import java.util.List;

/**
 * A small tree on this machine for the launcher and shell tests (and the tmux session):
 *
 * <pre>
 * /
 *   local_hello/        hello()
 *   web/  [staging]     deploy(), greet(name, times), restart(mode), snooze(seconds), fail()
 *   production/  [production]
 *     db/               migrate()
 * </pre>
 */
public final class ExampleTree {
  private ExampleTree() {
  }

  /** How a service is restarted. */
  public enum Mode { GRACEFUL, HARD }

  static class SayHello extends Node {
    @Action(description = "Say hello on every host")
    public void hello() {
      hosts().run("echo hello world");
    }
  }

  static class Web extends Node {
    @Action(description = "Greet someone a few times")
    public void greet(String name, int times) {
      for (int i = 1; i <= times; i++) {
        hosts().run("echo %s", "hello " + name + " " + i);
      }
    }

    @Action(description = "Restart the app")
    public void restart(Mode mode) {
      hosts().run("echo %s", "restarting " + mode.name().toLowerCase());
    }

    @Action(description = "Deploy a version chosen on the console")
    public void deploy() {
      String version = console().choice("Deploy which version?", List.of("v1", "v2"), "v2");
      hosts().run("echo %s", "deploying " + version);
    }

    @Action(description = "Sleep, then say so (for Ctrl-C)")
    public void snooze(int seconds) {
      hosts().run("echo sleeping && sleep %s && echo woke", seconds);
    }

    @Action(description = "A command that fails")
    public void fail() {
      hosts().run("echo about to fail; exit 3");
    }
  }

  static class Database extends Node {
    @Action(description = "Migrate the schema")
    public void migrate() {
      hosts().run("echo migrated");
    }
  }

  /** A new tree (trees are frozen once used, so each test takes its own). */
  public static Node tree() {
    return Node.root()
        .child("local_hello", new SayHello(), roles -> roles.add("host", LocalHost.named("local")))
        .child("web", new Web().inGroup(Group.STAGING),
            roles -> roles.add("host", LocalHost.named("web-1"), LocalHost.named("web-2")))
        .child("production", new Node().inGroup(Group.PRODUCTION)
            .child("db", new Database(), roles -> roles.add("host", LocalHost.named("db-1"))));
  }

  public static void main(String[] args) {
    Slipway.start(tree(), args);
  }
}
