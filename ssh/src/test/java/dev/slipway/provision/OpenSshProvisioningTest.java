package dev.slipway.provision;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.ssh.SshHost;
import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning over SSH to a real OpenSSH sshd, as an ordinary user that owns the directory
 * provisioned. Skipped, saying why, where sshd cannot run here.
 */
class OpenSshProvisioningTest extends ProvisioningContract {
  private static OpenSshServer server;
  private static LocalAccount account;

  @TempDir
  Path root;
  private Host host;

  @BeforeAll
  static void startServer() {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> "OpenSSH provisioning tests skipped: "
        + OpenSshServer.availability().orElse(""));
    server = OpenSshServer.in(Path.of("target", "openssh", "provision").toAbsolutePath()).start();
    account = LocalAccount.create("slwprov");
  }

  @AfterAll
  static void stopServer() {
    if (account != null) {
      account.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void connect() {
    account.own(root);
    host = SshHost.builder("ssh1").address(server.address()).port(server.port()).user(account.name())
        .identity(server.clientKey()).knownHosts(server.knownHosts()).build();
  }

  @AfterEach
  void disconnect() {
    host.close();
  }

  @Override
  protected Host host() {
    return host;
  }

  @Override
  protected Path root() {
    return root.toAbsolutePath();
  }
}
