package dev.slipway.ssh;

import dev.slipway.Host;
import dev.slipway.tck.ShellContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The transport and shell contracts over SSH to a real OpenSSH sshd, as an ordinary user. */
@RequiresOpenSsh
class OpenSshTransportTest extends ShellContract {
  static OpenSshFixture sshd;

  @TempDir
  Path scratch;
  Host host;

  @BeforeAll
  static void startServer() {
    sshd = OpenSshFixture.start("tck");
    sshd.account.allowSudo("ALL=(root) NOPASSWD: ALL");
  }

  @AfterAll
  static void stopServer() {
    if (sshd != null) {
      sshd.close();
    }
  }

  @BeforeEach
  void connect() {
    sshd.account.own(scratch);
    host = sshd.host("openssh").build();
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
