package dev.slipway.release;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.ssh.SshHost;
import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release rules over SSH to a real OpenSSH sshd, deploying as an ordinary user. Skipped, saying
 * how to enable it, where sshd is missing or the tests do not run as root.
 */
class OpenSshReleasesTest extends ReleasesContract {
  static OpenSshServer server;
  static LocalAccount deploy;

  @TempDir
  Path machine;
  private final List<Host> opened = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> "OpenSSH release tests skipped: "
        + OpenSshServer.availability().orElse(""));
    server = OpenSshServer.in(Path.of("target", "openssh", "releases")).start();
    deploy = LocalAccount.create("slwrel");
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

  @AfterEach
  void disconnect() {
    opened.forEach(Host::close);
  }

  @Override
  protected Host newHost(String name) {
    Host created = SshHost.builder(name).address(server.address()).port(server.port()).user(deploy.name())
        .identity(server.clientKey()).knownHosts(server.knownHosts()).build();
    opened.add(created);
    return created;
  }

  @Override
  protected String deployDirectory() {
    deploy.own(machine);
    return machine.resolve("opt/flask-demo").toAbsolutePath().toString();
  }

  @Override
  protected int builds(Host host, String counter) {
    return MinaSshReleasesTest.linesIn(Path.of(counter));
  }
}
