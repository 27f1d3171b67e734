package dev.slipway.release;

import dev.slipway.Host;
import dev.slipway.ssh.EmbeddedSshServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release faults over SSH to the embedded MINA SSHD, which can drop the connection in the middle of
 * a round trip: as a command arrives (it never runs) or as it ends (it ran, its outcome is lost).
 */
class MinaSshReleaseFaultsTest extends ReleaseFaultsOverSsh {
  private static final String BEFORE_RUNNING = "as the next command arrives";
  private static final String AFTER_RUNNING = "as the next command ends";

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
  protected Host newHost(String name) {
    return server.host(name).build();
  }

  @Override
  protected List<String> drops() {
    return List.of(BEFORE_RUNNING, AFTER_RUNNING, BETWEEN_COMMANDS);
  }

  @Override
  protected void arm(String drop) {
    switch (drop) {
      case BEFORE_RUNNING -> server.dropBeforeNextCommand();
      case AFTER_RUNNING -> server.dropAfterNextCommand();
      default -> server.dropConnections();
    }
  }

  @Override
  protected void disarm() {
    server.disarm();
  }

  @Override
  protected int execChannels() {
    return server.commandsReceived();
  }
}
