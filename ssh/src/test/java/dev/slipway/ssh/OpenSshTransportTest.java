package dev.slipway.ssh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import dev.slipway.tck.ShellContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The transport and shell contracts over SSH to a real OpenSSH sshd, as an ordinary user. */
class OpenSshTransportTest extends ShellContract {
  static OpenSshServer server;
  static LocalAccount deploy;

  @TempDir
  Path scratch;
  Host host;

  @BeforeAll
  static void startServer() {
    assumeTrue(OpenSshServer.availability().isEmpty(),
        () -> "OpenSSH tests skipped: " + OpenSshServer.availability().orElse(""));
    server = OpenSshServer.in(Path.of("target", "openssh", "tck")).start();
    deploy = LocalAccount.create("slwtck");
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

  @BeforeEach
  void connect() {
    deploy.own(scratch);
    host = SshHost.builder("openssh").address(server.address()).port(server.port()).user(deploy.name())
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
  protected String scratch() {
    try {
      return scratch.toRealPath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
