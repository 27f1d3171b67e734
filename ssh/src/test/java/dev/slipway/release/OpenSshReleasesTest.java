package dev.slipway.release;

import dev.slipway.Host;
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
  static OpenSshDeployTarget target;

  @TempDir
  Path machine;
  private final List<Host> opened = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    target = OpenSshDeployTarget.start("releases");
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
    Host created = target.host(name);
    opened.add(created);
    return created;
  }

  @Override
  protected String deployDirectory() {
    target.own(machine);
    return machine.resolve("opt/flask-demo").toAbsolutePath().toString();
  }

  @Override
  protected int builds(Host host, String counter) {
    return MinaSshReleasesTest.linesIn(Path.of(counter));
  }
}
