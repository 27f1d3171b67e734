package dev.slipway.ssh;

import dev.slipway.Host;
import dev.slipway.tck.ShellContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The transport and shell contracts over SSH to an embedded Apache MINA SSHD. */
class MinaSshTransportTest extends ShellContract {
  @TempDir
  static Path serverDir;
  static EmbeddedSshServer server;

  @TempDir
  Path scratch;
  Host host;

  @BeforeAll
  static void startServer() {
    server = EmbeddedSshServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void connect() {
    host = server.host("mina").build();
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
    return realPath(scratch);
  }
}
