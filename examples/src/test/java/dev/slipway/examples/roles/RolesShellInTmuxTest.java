package dev.slipway.examples.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.shell.Tmux;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RolesShell} on a terminal (tmux): a user looks around, goes into production, inspects it,
 * and confirms a restart there, which the dry-run machines only print. The session is saved to
 * {@code target/roles-shell-session.txt}.
 */
class RolesShellInTmuxTest {
  @TempDir
  Path home;

  @Test
  void a_user_explores_production_and_confirms_a_restart() throws Exception {
    assumeTrue(Tmux.installed(), "tmux is not installed: the pseudo-terminal test is skipped");

    try (Tmux tmux = Tmux.startJava(home, RolesShell.class)) {
      tmux.waitFor("/ >");
      tmux.enter("ls");
      tmux.waitFor("staging/  production/");

      tmux.enter("cd production");
      tmux.waitForEnd("/production >");
      tmux.enter("--inspect");
      assertThat(tmux.waitFor("Children:")).contains("Class:    dev.slipway.examples.roles.WebSystem",
          "Group:    production", "  web: web1, web2, web3", "  deploy(commit: String)");
      tmux.waitForEnd("/production >");

      tmux.enter("cd web");
      tmux.waitForEnd("/production/web >");
      tmux.enter("restart");
      tmux.waitFor("Run restart on /production/web in group production? [y/N]");
      tmux.enter("y");
      assertThat(tmux.waitFor("web3  ok")).contains("web1 (dry-run) $ systemctl restart gunicorn",
          "web3 (dry-run) $ systemctl restart gunicorn");
      tmux.waitForEnd("/production/web >");
      tmux.enter("exit");

      tmux.saveScreen(Path.of("target", "roles-shell-session.txt"));
    }
  }
}
