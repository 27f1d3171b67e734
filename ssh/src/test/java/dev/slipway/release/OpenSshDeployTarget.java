package dev.slipway.release;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.ssh.SshHost;
import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import java.nio.file.Path;

/**
 * A real OpenSSH sshd on loopback and a throw-away deploy account, for the release tests over
 * OpenSSH. Starting it skips the calling tests, saying how to enable them, where sshd is missing
 * or the tests do not run as root.
 */
final class OpenSshDeployTarget implements AutoCloseable {
  final OpenSshServer server;
  private final LocalAccount deploy;

  private OpenSshDeployTarget(OpenSshServer server, LocalAccount deploy) {
    this.server = server;
    this.deploy = deploy;
  }

  /**
   * Starts sshd with its files under {@code target/openssh/<name>}, {@code config} lines first, and
   * creates the account.
   */
  static OpenSshDeployTarget start(String name, String... config) {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> "OpenSSH release tests skipped: "
        + OpenSshServer.availability().orElse(""));
    OpenSshServer.Builder builder = OpenSshServer.in(directory(name));
    for (String line : config) {
      builder.config(line);
    }
    OpenSshServer server = builder.start();
    try {
      return new OpenSshDeployTarget(server, LocalAccount.create("slwrel"));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Where the server named {@code name} keeps its files. */
  static Path directory(String name) {
    return Path.of("target", "openssh", name).toAbsolutePath();
  }

  /** A host logging in as the deploy account. */
  Host host(String name) {
    return SshHost.builder(name).address(server.address()).port(server.port()).user(deploy.name())
        .identity(server.clientKey()).knownHosts(server.knownHosts()).build();
  }

  /** A host logging in as the deploy account and acting as root through sudo ({@link #allowSudo()} first). */
  Host rootThroughSudo(String name) {
    return host(name).sudo();
  }

  /**
   * Lets the deploy account run anything as root without a password: with a password, sudo's check
   * on every command made a deploy take about 7 s here (the password dialogue has tests of its own).
   */
  void allowSudo() {
    deploy.allowSudo("ALL=(root) NOPASSWD: ALL");
  }

  /** Gives {@code directory} (not recursively) to the deploy account. */
  void own(Path directory) {
    deploy.own(directory);
  }

  /** Closes {@code target} if it was started. */
  static void close(OpenSshDeployTarget target) {
    if (target != null) {
      target.close();
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      deploy.close();
    }
  }
}
