package dev.slipway.git.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
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

  /**
   * A JGit session factory that runs {@code ssh} for each git command and appends what ssh wrote on
   * stderr to {@code diagnostics} once it exited. JGit reads a remote's stderr in a thread of its
   * own and may raise its error before reading ssh's reason; collected here, the reason
   * ("Host key verification failed.") is always there to report.
   */
  public SshSessionFactory sessionFactory(StringBuffer diagnostics) {
    return new SshSessionFactory() {
      @Override
      public RemoteSession getSession(URIish uri, CredentialsProvider credentials, FS fs, int timeout) {
        return new Session(uri, timeout, diagnostics);
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
    private final StringBuffer diagnostics;

    Session(URIish uri, int timeout, StringBuffer diagnostics) {
      this.uri = uri;
      this.timeout = timeout;
      this.diagnostics = diagnostics;
    }

    @Override
    public Process exec(String command, int ignoredTimeout) throws IOException {
      List<String> line = commandLine(uri, timeout);
      line.add(command);
      Path errors = Files.createTempFile("slipway-ssh-", ".stderr");
      return new Finished(new ProcessBuilder(line).redirectError(errors.toFile()).start(), errors, diagnostics);
    }

    @Override
    public void disconnect() {
      // Each exec is its own ssh process, ended by JGit when its streams close.
    }
  }

  /**
   * An ssh process whose {@link #exitValue()} waits for the exit (JGit asks as soon as the
   * connection drops, before ssh has exited, and would report "process hasn't exited") and whose
   * stderr, kept in a file, goes to the diagnostics when it ended.
   */
  private static final class Finished extends Process {
    private final Process process;
    private final Path errors;
    private final StringBuffer diagnostics;

    Finished(Process process, Path errors, StringBuffer diagnostics) {
      this.process = process;
      this.errors = errors;
      this.diagnostics = diagnostics;
    }

    @Override
    public OutputStream getOutputStream() {
      return process.getOutputStream();
    }

    @Override
    public InputStream getInputStream() {
      return process.getInputStream();
    }

    @Override
    public InputStream getErrorStream() {
      return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
      int status = process.waitFor();
      collectErrors();
      return status;
    }

    @Override
    public int exitValue() {
      try {
        return waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return process.exitValue();
      }
    }

    @Override
    public void destroy() {
      process.destroy();
      try {
        waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private synchronized void collectErrors() {
      try {
        if (Files.exists(errors)) {
          diagnostics.append(Files.readString(errors));
          Files.delete(errors);
        }
      } catch (IOException e) {
        diagnostics.append("(cannot read ssh's stderr: ").append(e.getMessage()).append(")\n");
      }
    }
  }
}
