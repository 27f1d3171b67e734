package dev.slipway.ssh;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The SSH scenarios against an embedded Apache MINA SSHD. */
class MinaSshTest extends SshScenarios {
  @TempDir
  static Path serverDir;
  static EmbeddedSshServer server;

  @BeforeAll
  static void startServer() {
    server = EmbeddedSshServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected SshHost.Builder host(String name) {
    return server.host(name);
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
