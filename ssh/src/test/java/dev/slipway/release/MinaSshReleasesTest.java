package dev.slipway.release;

import dev.slipway.Host;
import dev.slipway.ssh.EmbeddedSshServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The release rules over SSH to an embedded Apache MINA SSHD, which runs commands as this JVM's user. */
class MinaSshReleasesTest extends ReleasesContract {
  @TempDir
  static Path serverDir;
  static EmbeddedSshServer server;

  @TempDir
  Path machine;
  private final List<Host> opened = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = EmbeddedSshServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void disconnect() {
    opened.forEach(Host::close);
  }

  @Override
  protected Host newHost(String name) {
    Host created = server.host(name).build();
    opened.add(created);
    return created;
  }

  @Override
  protected String deployDirectory() {
    return machine.resolve("opt/flask-demo").toAbsolutePath().toString();
  }

  @Override
  protected int builds(Host host, String counter) {
    return linesIn(Path.of(counter));
  }

  static int linesIn(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
