package dev.slipway.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An Apache MINA SSHD server on 127.0.0.1 and a free port, for tests: commands run through
 * {@code /bin/sh} as the JVM's user, SFTP serves the real file system, public-key authentication
 * accepts one generated client key. Counts the connections it accepted and can drop them all.
 */
public final class EmbeddedSshServer implements AutoCloseable {
  private final SshServer server;
  private final Path dir;
  private final AtomicInteger connections = new AtomicInteger();
  private final CommandFaults commands = new CommandFaults();

  private EmbeddedSshServer(SshServer server, Path dir) {
    this.server = server;
    this.dir = dir;
  }

  /** Starts a server that keeps its keys and known_hosts in {@code dir}. */
  public static EmbeddedSshServer start(Path dir) {
    try {
      Files.createDirectories(dir);
      writeClientKey(dir);
      SshServer server = SshServer.setUpDefaultServer();
      server.setHost("127.0.0.1");
      server.setPort(0);
      server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host.ser")));
      server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
      server.setFileSystemFactory(NativeFileSystemFactory.INSTANCE);
      server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(dir.resolve("authorized_keys")));
      EmbeddedSshServer embedded = new EmbeddedSshServer(server, dir);
      server.setCommandFactory(embedded.commands);
      server.addSessionListener(new SessionListener() {
        @Override
        public void sessionCreated(Session session) {
          embedded.connections.incrementAndGet();
        }
      });
      server.start();
      embedded.writeKnownHosts();
      return embedded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded SSH server in " + dir, e);
    }
  }

  public String address() {
    return "127.0.0.1";
  }

  public int port() {
    return server.getPort();
  }

  /** The client's private key (ECDSA, PEM, no passphrase). */
  public Path clientKey() {
    return dir.resolve("client_ecdsa");
  }

  /** A known_hosts file listing this server's key under {@code [127.0.0.1]:port}. */
  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** A builder for a host on this server, keys and known_hosts set. */
  public SshHost.Builder host(String name) {
    return SshHost.builder(name).address(address()).port(port()).user(System.getProperty("user.name"))
        .identity(clientKey()).knownHosts(knownHosts());
  }

  /** How many SSH connections the server accepted so far. */
  public int connectionsAccepted() {
    return connections.get();
  }

  /** How many exec commands (one per exec channel) the server received so far. */
  public int commandsReceived() {
    return commands.received();
  }

  /** Drops the connection when the next exec command arrives, before it runs. */
  public void dropBeforeNextCommand() {
    commands.arm(CommandFaults.Fault.DROP_BEFORE_RUNNING);
  }

  /** Lets the next exec command run to its end, then drops the connection instead of sending its exit status. */
  public void dropAfterNextCommand() {
    commands.arm(CommandFaults.Fault.DROP_AFTER_RUNNING);
  }

  /** Disarms a drop that no command has triggered yet. */
  public void disarm() {
    commands.arm(CommandFaults.Fault.NONE);
  }

  /** Closes every open connection at once, as a network failure would; the server keeps listening. */
  public void dropConnections() {
    server.getActiveSessions().forEach(session -> session.close(true));
  }

  @Override
  public void close() {
    try {
      server.stop(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeKnownHosts() throws IOException {
    try {
      PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
      Files.writeString(knownHosts(), "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey) + "\n");
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot read the host key", e);
    }
  }

  private static void writeClientKey(Path dir) throws IOException {
    try {
      KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
      key.writePrivateKey(dir.resolve("client_ecdsa").toString());
      key.writePublicKey(dir.resolve("authorized_keys").toString(), "slipway-test");
      key.dispose();
    } catch (JSchException e) {
      throw new IOException("cannot generate a client key", e);
    } catch (Exception e) {
      throw new IOException("cannot write the client key", e);
    }
  }
}
