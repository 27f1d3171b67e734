package dev.slipway.git.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RemoteSession;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * Lets JGit fetch over SSH with the system's OpenSSH client, host keys checked strictly
 * ({@code StrictHostKeyChecking=yes}, never {@code accept-new}) and no prompts
 * ({@code BatchMode=yes}). JGit's core has no SSH client of its own; this keeps the git module
 * free of one and honours the user's {@code ~/.ssh/config}.
 *
 * @param identity the private key to offer, else the client's defaults
 * @param knownHosts the known_hosts file to check against, else the client's default
 */
public record ExternalSsh(Optional<Path> identity, Optional<Path> knownHosts) {

  /** A JGit session factory that runs {@code ssh} for each git command. */
  public SshSessionFactory sessionFactory() {
    return new SshSessionFactory() {
      @Override
      public RemoteSession getSession(URIish uri, CredentialsProvider credentials, FS fs, int timeout) {
        return new Session(uri, timeout);
      }

      @Override
      public String getType() {
        return "slipway-openssh";
      }
    };
  }

  /** The {@code ssh} command line (without the remote command) that reaches {@code uri}. */
  List<String> commandLine(URIish uri, int timeoutSeconds) {
    List<String> line = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes"));
    identity.ifPresent(key -> line.addAll(List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes")));
    knownHosts.ifPresent(file -> line.addAll(List.of("-o", "UserKnownHostsFile=" + file)));
    if (timeoutSeconds > 0) {
      line.addAll(List.of("-o", "ConnectTimeout=" + timeoutSeconds));
    }
    if (uri.getPort() > 0) {
      line.addAll(List.of("-p", Integer.toString(uri.getPort())));
    }
    if (uri.getUser() != null) {
      line.addAll(List.of("-l", uri.getUser()));
    }
    line.add(uri.getHost());
    return line;
  }

  private final class Session implements RemoteSession {
    private final URIish uri;
    private final int timeout;

    Session(URIish uri, int timeout) {
      this.uri = uri;
      this.timeout = timeout;
    }

    @Override
    public Process exec(String command, int ignoredTimeout) throws IOException {
      List<String> line = commandLine(uri, timeout);
      line.add(command);
      return new ProcessBuilder(line).start();
    }

    @Override
    public void disconnect() {
      // Each exec is its own ssh process, ended by JGit when its streams close.
    }
  }
}
