package dev.slipway.ssh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SSH scenarios against a real OpenSSH sshd on loopback. */
class OpenSshTest extends SshScenarios {
  static OpenSshServer server;
  static LocalAccount deploy;

  @BeforeAll
  static void startServer() {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> "OpenSSH tests skipped: "
        + OpenSshServer.availability().orElse(""));
    server = OpenSshServer.in(Path.of("target", "openssh", "scenarios")).start();
    deploy = LocalAccount.create("slwdep");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
    if (deploy != null) {
      deploy.close();
    }
  }

  @Override
  protected SshHost.Builder host(String name) {
    return SshHost.builder(name).address(server.address()).port(server.port()).user(deploy.name())
        .identity(server.clientKey()).knownHosts(server.knownHosts());
  }

  @Override
  protected void prepare(Path directory) {
    deploy.own(directory);
  }

  @Override
  protected int connectionsAccepted() {
    return server.connectionsAccepted();
  }

  @Override
  protected void dropConnections() {
    server.dropConnections();
  }
}
