package dev.slipway.ssh;

import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * An OpenSSH sshd under {@code target/openssh/NAME} and a throw-away login account, for one test
 * class marked {@link RequiresOpenSsh} (which skips it where sshd cannot run).
 */
final class OpenSshFixture implements AutoCloseable {
  final OpenSshServer server;
  final LocalAccount account;

  private OpenSshFixture(OpenSshServer server, LocalAccount account) {
    this.server = server;
    this.account = account;
  }

  static OpenSshFixture start(String name) {
    return start(name, server -> server);
  }

  static OpenSshFixture start(String name, UnaryOperator<OpenSshServer.Builder> configure) {
    OpenSshServer server = configure.apply(OpenSshServer.in(Path.of("target", "openssh", name))).start();
    try {
      return new OpenSshFixture(server, LocalAccount.create("slw" + name.replaceAll("[^a-z]", "")));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** A host on this server as the account, keys and known_hosts set. */
  SshHost.Builder host(String name) {
    return SshHost.builder(name).address(server.address()).port(server.port()).user(account.name())
        .identity(server.clientKey()).knownHosts(server.knownHosts());
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      account.close();
    }
  }
}
