package dev.slipway.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect web1} in the shell, in a real terminal (tmux): an interactive login on a pty over
 * the host's SSH connection to OpenSSH, found through nothing but the home's {@code ~/.ssh}; a
 * command typed there runs remotely on a terminal of the window's size, and {@code exit} comes
 * back to the shell.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenSshShellInTmuxTest {
  static OpenSshServer server;
  static LocalAccount account;

  @TempDir
  Path home;

  @BeforeAll
  static void setUp() {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> "skipped: " + OpenSshServer.availability().orElse(""));
    server = OpenSshServer.in(Path.of("target", "openssh", "tmuxlogin")).start();
    account = LocalAccount.create("slwtmux");
  }

  @AfterAll
  static void tearDown() {
    if (server != null) {
      server.close();
    }
    if (account != null) {
      account.close();
    }
  }

  @Test
  void connect_opens_a_remote_login_and_exit_comes_back() throws Exception {
    assumeTrue(Tmux.installed(), "tmux is not installed: the pseudo-terminal test is skipped");
    Path dotSsh = Files.createDirectories(home.resolve(".ssh"));
    Files.copy(server.clientKey(), dotSsh.resolve("id_ed25519"));
    Files.writeString(dotSsh.resolve("known_hosts"), server.knownHostsLine() + "\n");
    Files.writeString(dotSsh.resolve("config"), String.join("\n", "Host web1", "  HostName " + server.address(),
        "  Port " + server.port(), "  User " + account.name(), ""));

    try (Tmux tmux = Tmux.startJava(home, SshShellTree.class)) {
      tmux.waitFor("/ >");
      tmux.enter("cd web");
      tmux.waitFor("/web >");
      tmux.enter("connect web1");
      tmux.waitFor("Connecting to web1; exit to come back.");
      tmux.enter("echo remote-$((6*7)) $(id -un) $(stty size) $(test -t 0 && echo tty)");
      // Tmux opens a 120x40 terminal: the remote pty has its size
      assertThat(tmux.waitFor("remote-42 " + account.name())).contains("remote-42 " + account.name() + " 40 120 tty");
      tmux.enter("exit");
      tmux.waitForEnd("/web >");
      tmux.enter("pwd");
      tmux.waitFor("/web > pwd\n/web\n");
      tmux.enter("exit");
    }
  }
}
