package dev.slipway.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.shell.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HelloShell}, the hello world tree behind the launcher, opens the interactive shell on a
 * terminal (tmux) when given no action: a user completes the node name, inspects it, runs and
 * dry-runs {@code hello}, and leaves. The session is saved to {@code target/shell-session.txt}.
 */
class HelloWorldShellTest {
  @TempDir
  Path home;

  @Test
  void main_without_an_action_opens_the_shell() throws Exception {
    assumeTrue(Tmux.installed(), "tmux is not installed: the pseudo-terminal test is skipped");

    try (Tmux tmux = Tmux.startJava(home, HelloShell.class)) {
      tmux.waitFor("/ >");
      tmux.enter("ls");
      tmux.waitFor("local_hello/");

      tmux.type("cd lo");
      tmux.press("Tab");
      tmux.waitFor("/ > cd local_hello");
      tmux.press("Enter");
      tmux.waitFor("/local_hello >");

      tmux.enter("--inspect");
      assertThat(tmux.waitFor("Children:")).contains("Class:    dev.slipway.examples.hello.HelloWorld$SayHello",
          "  host: local", "  hello()  Run 'echo hello world' on every host");
      tmux.waitForEnd("/local_hello >");

      tmux.enter("hello");
      assertThat(tmux.waitFor("local  ok")).contains("local | hello world").containsPattern("local  ok      1 command  \\d+\\.\\d s");
      tmux.waitForEnd("/local_hello >");

      tmux.enter("dry-run hello");
      tmux.waitFor("local (dry-run) $ echo hello world");
      tmux.waitForEnd("/local_hello >");

      tmux.enter("--run echo $((6*7)) from the shell");
      tmux.waitFor("local | 42 from the shell");
      tmux.waitForEnd("/local_hello >");

      tmux.enter("cd /");
      tmux.waitForEnd("/ >");
      tmux.enter("find");
      tmux.waitFor("/\n/local_hello\n");
      tmux.enter("exit");

      tmux.saveScreen(Path.of("target", "shell-session.txt"));
    }
    assertThat(Files.readString(home.resolve(".slipway_history"))).contains("cd local_hello", "dry-run hello");
  }
}
