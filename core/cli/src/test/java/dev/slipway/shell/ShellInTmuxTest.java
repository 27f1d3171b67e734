package dev.slipway.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell in a real pseudo-terminal (tmux), as a user types into it: the example tree's main
 * class runs in its own JVM, with JLine on a real terminal. It lists, finds, completes a node name,
 * moves with {@code cd} ({@code ..}, {@code -}, {@code /} and spaces), runs an action and a command
 * on every host, dry-runs, interrupts, inspects, confirms in production and connects. The session
 * is saved to {@code target/shell-session.txt}.
 */
class ShellInTmuxTest {
  @TempDir
  Path home;

  @Test
  void a_user_completes_navigates_runs_inspects_and_confirms() throws Exception {
    assumeTrue(Tmux.installed(), "tmux is not installed: the pseudo-terminal test is skipped");

    try (Tmux tmux = Tmux.startJava(home, ExampleTree.class)) {
      tmux.waitFor("/ >");  // capture-pane drops trailing spaces

      tmux.enter("ls");
      tmux.waitFor("local_hello/  web/  production/");
      tmux.enter("find");
      tmux.waitFor("/production/db");

      tmux.type("cd we");
      tmux.press("Tab");
      assertThat(tmux.waitFor("cd web")).contains("/ > cd web");
      tmux.press("Enter");
      tmux.waitFor("/web >");

      tmux.enter("greet bob 1");
      assertThat(tmux.waitFor("web-2  ok")).contains("web-1 | hello bob 1", "web-2 | hello bob 1")
          .containsPattern("web-1  ok      1 command  \\d+\\.\\d s");
      tmux.waitForEnd("/web >");

      tmux.enter("--run echo ran-$((6*7))");
      assertThat(tmux.waitFor("web-2 | ran-42")).contains("web-1 | ran-42");
      tmux.waitForEnd("/web >");

      tmux.enter("cd ..");
      tmux.enter("pwd");
      tmux.waitFor("/ > pwd\n/\n");
      tmux.enter("cd -");
      tmux.enter("pwd");
      tmux.waitFor("/web > pwd\n/web\n");

      tmux.enter("dry-run restart hard");
      tmux.waitFor("web-2 (dry-run) $ echo 'restarting hard'");
      tmux.waitForEnd("/web >");

      tmux.enter("snooze 30");
      tmux.waitFor("web-1 | sleeping");
      tmux.waitFor("web-2 | sleeping");
      tmux.press("C-c");
      assertThat(tmux.waitFor("error: /web snooze failed")).contains("^C: cancelling...", "interrupted while running echo sleeping && sleep 30").doesNotContain("| woke");
      tmux.waitForEnd("/web >");

      tmux.enter("--inspect");
      assertThat(tmux.waitFor("Children:")).contains("Class:    dev.slipway.shell.ExampleTree$Web", "host: web-1, web-2");

      tmux.waitForEnd("/web >");
      tmux.enter("cd / production db");
      tmux.waitForEnd("/production/db >");
      tmux.enter("migrate");
      tmux.waitFor("in group production? [y/N]");
      tmux.enter("y");
      String screen = tmux.waitFor("db-1  ok");
      assertThat(screen).contains("db-1 | migrated");
      tmux.waitForEnd("/production/db >");

      tmux.enter("cd /local_hello");
      tmux.enter("--connect");
      tmux.waitFor("Connecting to local (/bin/sh -l); exit to come back.");
      tmux.enter("echo inside-$((6*7))");
      tmux.waitFor("inside-42");
      tmux.enter("exit");
      tmux.waitForEnd("/local_hello >");
      tmux.enter("pwd");
      tmux.waitFor("/local_hello > pwd");

      tmux.enter("exit");
      tmux.saveScreen(Path.of("target", "shell-session.txt"));
    }
    assertThat(Files.readString(home.resolve(".slipway_history"))).contains("greet bob 1", "cd / production db");
  }
}
