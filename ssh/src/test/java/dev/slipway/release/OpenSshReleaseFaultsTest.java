package dev.slipway.release;

import dev.slipway.Host;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Release faults over SSH to a real OpenSSH sshd: its connection processes are killed as each step
 * starts; exec channels are counted in its VERBOSE log. Skipped, saying how to enable it, where
 * sshd is missing or the tests do not run as root.
 */
class OpenSshReleaseFaultsTest extends ReleaseFaultsOverSsh {
  static OpenSshDeployTarget target;

  @BeforeAll
  static void startServer() {
    target = OpenSshDeployTarget.start("release-faults");
  }

  @AfterAll
  static void stopServer() {
    OpenSshDeployTarget.close(target);
  }

  @Override
  protected Host newHost(String name) {
    return target.host(name);
  }

  @Override
  protected void prepare(Path directory) {
    target.own(directory);
    target.own(directory.getParent());
  }

  @Override
  protected List<String> drops() {
    return List.of(BETWEEN_COMMANDS);
  }

  @Override
  protected void arm(String drop) {
    target.server.dropConnections();
  }

  @Override
  protected void disarm() {
  }

  @Override
  protected int execChannels() {
    return (int) target.server.log().lines().filter(line -> line.contains("Starting session: command")).count();
  }
}
