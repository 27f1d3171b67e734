package dev.slipway.release;

import dev.slipway.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release rules over OpenSSH by an ordinary user with sudo into a root-owned directory, as the
 * workshop's playbook does with {@code become: yes}: every host is a {@code sudo()} view, so its
 * commands and its file operations act as root.
 */
class OpenSshSudoReleasesTest extends ReleasesContract {
  static OpenSshDeployTarget target;

  @TempDir
  Path machine;
  private final List<Host> opened = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    target = OpenSshDeployTarget.start("sudoreleases");
    target.allowSudo();
  }

  @AfterAll
  static void stopServer() {
    OpenSshDeployTarget.close(target);
  }

  @AfterEach
  void disconnect() {
    opened.forEach(Host::close);
  }

  @Override
  protected Host newHost(String name) {
    Host created = target.rootThroughSudo(name);
    opened.add(created);
    return created;
  }

  @Override
  protected String deployDirectory() {
    try {
      // root's, as /opt is: the deploy account may look but only sudo may change anything.
      Files.setPosixFilePermissions(machine, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createDirectories(machine.resolve("opt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return machine.resolve("opt/flask-demo").toAbsolutePath().toString();
  }

  @Override
  protected int builds(Host host, String counter) {
    return MinaSshReleasesTest.linesIn(Path.of(counter));
  }
}
