package dev.slipway.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An embedded MINA SSH server on loopback for the git module's tests: public-key login with a key
 * made by {@code ssh-keygen}, commands run by {@code /bin/sh} as this JVM's user (so it serves
 * {@code git-upload-pack} to git clients and runs deploy scripts for {@code SshHost}), and SFTP on
 * the real file system.
 */
final class GitSshServer implements AutoCloseable {
  private final SshServer server;
  private final Path clientKey;
  private final Path knownHosts;

  private GitSshServer(SshServer server, Path clientKey, Path knownHosts) {
    this.server = server;
    this.clientKey = clientKey;
    this.knownHosts = knownHosts;
  }

  /** Starts a server whose keys and known_hosts file live in {@code directory}. */
  static GitSshServer start(Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Path clientKey = directory.resolve("id_ed25519");
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "slipway-test",
        "-f", clientKey.toString()).redirectErrorStream(true).start();
    if (keygen.waitFor() != 0) {
      throw new IOException("ssh-keygen failed: " + new String(keygen.getInputStream().readAllBytes()));
    }
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(directory.resolve("host-key.ser"));
    hostKeys.setAlgorithm("EC");  // generated in milliseconds; a 3072-bit RSA key takes seconds on a busy machine
    server.setKeyPairProvider(hostKeys);
    server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(directory.resolve("id_ed25519.pub")));
    server.setCommandFactory(new ProcessShellCommandFactory());
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
    server.setFileSystemFactory(new NativeFileSystemFactory());
    server.start();
    Path knownHosts = directory.resolve("known_hosts");
    Files.writeString(knownHosts, knownHostsLine(server));
    return new GitSshServer(server, clientKey, knownHosts);
  }

  private static String knownHostsLine(SshServer server) throws IOException {
    try {
      KeyPair hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next();
      return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  int port() {
    return server.getPort();
  }

  /** The private key the server accepts. */
  Path clientKey() {
    return clientKey;
  }

  /** A known_hosts file holding the server's host key. */
  Path knownHosts() {
    return knownHosts;
  }

  /** The {@code ssh://} URL of a repository at an absolute path on this machine. */
  String url(Path repository) {
    return "ssh://git@127.0.0.1:" + port() + repository.toAbsolutePath();
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
