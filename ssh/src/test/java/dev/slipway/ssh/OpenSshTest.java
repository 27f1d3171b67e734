package dev.slipway.ssh;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SSH scenarios against a real OpenSSH sshd on loopback. */
@RequiresOpenSsh
class OpenSshTest extends SshScenarios {
  static OpenSshFixture sshd;

  @BeforeAll
  static void startServer() {
    sshd = OpenSshFixture.start("scenarios");
  }

  @AfterAll
  static void stopServer() {
    if (sshd != null) {
      sshd.close();
    }
  }

  @Override
  protected SshHost.Builder host(String name) {
    return sshd.host(name);
  }

  @Override
  protected void prepare(Path directory) {
    sshd.account.own(directory);
  }

  @Override
  protected int connectionsAccepted() {
    return sshd.server.connectionsAccepted();
  }

  @Override
  protected void dropConnections() {
    sshd.server.dropConnections();
  }
}
