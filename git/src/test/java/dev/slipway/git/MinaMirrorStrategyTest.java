package dev.slipway.git;

import dev.slipway.ssh.EmbeddedSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The mirror strategy with the repository served by the embedded MINA SSH server. */
class MinaMirrorStrategyTest extends MirrorStrategyContract {
  @Override
  SshEndpoint start(Path directory) throws Exception {
    EmbeddedSshServer server = EmbeddedSshServer.start(directory);
    Files.setPosixFilePermissions(server.clientKey(), PosixFilePermissions.fromString("rw-------"));
    return new SshEndpoint(server.port(), "git", server.clientKey(), server.knownHosts(), server::close);
  }
}
