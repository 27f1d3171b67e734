package dev.slipway.git;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.ssh.testing.OpenSshServer;
import java.nio.file.Path;

/** The mirror strategy with the repository served by a real OpenSSH sshd (needs root; skipped otherwise). */
class OpenSshMirrorStrategyTest extends MirrorStrategyContract {
  @Override
  SshEndpoint start(Path directory) {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> "OpenSSH skipped: " + OpenSshServer.availability().orElse(""));
    OpenSshServer server = OpenSshServer.in(directory).start();
    return new SshEndpoint(server.port(), "root", server.clientKey(), server.knownHosts(), server::close);
  }
}
