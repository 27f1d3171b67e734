package dev.slipway.ssh;

import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import dev.slipway.ConnectionFailedException;
import dev.slipway.FileInfo;
import dev.slipway.FileOperationException;
import dev.slipway.Secret;
import dev.slipway.event.ConnectionEvent;
import dev.slipway.Operation;
import dev.slipway.internal.ScriptCompiler;
import dev.slipway.spi.ExecRequest;
import dev.slipway.spi.ExecResult;
import dev.slipway.spi.InteractiveLogin;
import dev.slipway.spi.Transport;
import dev.slipway.ssh.internal.ChannelGate;
import dev.slipway.ssh.internal.Connection;
import dev.slipway.ssh.internal.Connector;
import dev.slipway.ssh.internal.LoginShell;
import dev.slipway.ssh.internal.RemoteCommand;
import dev.slipway.ssh.internal.SessionDownException;
import dev.slipway.ssh.internal.SftpFiles;
import dev.slipway.ssh.internal.SshSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The {@link Transport} over SSH: one JSch session per host, opened on first use and reused by
 * every command (an exec channel each, at most {@code maxChannels} at once) and every file
 * operation (one SFTP channel kept open). A session that dropped between two calls is reopened
 * once, transparently, and reported as {@link ConnectionEvent.Kind#RECONNECTED}; a session lost
 * during a command fails that command with {@link ConnectionFailedException} and never re-runs it.
 *
 * <p>Made by {@link SshHost#builder(String)}, under the {@link SshHost} it builds:
 *
 * <pre>{@code
 * SshHost web = SshHost.builder("web-1").address("10.0.0.5").user("deploy")
 *     .identity(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"))
 *     .build();
 * SshTransport ssh = web.unwrap(SshTransport.class).orElseThrow();   // counters, for benchmarks and tests
 * }</pre>
 */
public final class SshTransport implements Transport {
  private final SshSettings settings;
  private final Connector connector;
  private final ChannelGate gate;
  private final SftpFiles files;
  private final RemoteCommand commands;
  private final LoginShell login;
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private Connection connection;

  SshTransport(SshSettings settings) {
    this.settings = settings;
    this.connector = new Connector(settings);
    this.gate = new ChannelGate(settings.name(), settings.maxChannels(), (int) settings.connectTimeout().toMillis());
    this.files = new SftpFiles(gate);
    this.login = new LoginShell(settings.name(), gate);
    this.commands = new RemoteCommand(settings.name(), gate, daemonThreads(settings.name()), settings.sudoPassword());
  }

  /** How many SSH connections to the target this transport opened (1 for a healthy run). */
  public int connectionsOpened() {
    return connectionsOpened.get();
  }

  /** How many channels (exec and SFTP) this transport opened on its sessions. */
  public int channelsOpened() {
    return gate.opened();
  }

  @Override
  public ExecResult exec(ExecRequest request) {
    return onSession(session -> commands.run(session, request, request.timeout().or(settings::commandTimeout)));
  }

  @Override
  public byte[] read(String path) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    download(path, content);
    return content.toByteArray();
  }

  @Override
  public void write(String path, byte[] content, int mode) {
    upload(new ByteArrayInputStream(content), path, mode);
  }

  @Override
  public void upload(InputStream content, String path, int mode) {
    String temporary = temporaryName(path);
    sftp(path, "cannot write", (session, sftp) -> {
      sftp.put(session, content, temporary, mode);
      return null;
    });
    try {
      rename(temporary, path);
    } catch (RuntimeException e) {
      sftp(temporary, "cannot remove", (session, sftp) -> {
        sftp.remove(session, temporary);
        return null;
      });
      throw e;
    }
  }

  @Override
  public void download(String path, OutputStream sink) {
    sftp(path, "cannot read", (session, sftp) -> {
      sftp.get(session, path, sink);
      return null;
    });
  }

  @Override
  public Optional<FileInfo> stat(String path) {
    return sftp(path, "cannot stat", (session, sftp) -> sftp.stat(session, path));
  }

  @Override
  public List<FileInfo> list(String directory) {
    return sftp(directory, "cannot list", (session, sftp) -> sftp.list(session, directory));
  }

  @Override
  public Optional<String> readLink(String path) {
    return stat(path).flatMap(FileInfo::linkTarget);
  }

  @Override
  public void rename(String from, String to) {
    try {
      sftp(from, "cannot rename", (session, sftp) -> {
        sftp.rename(session, from, to);
        return null;
      });
    } catch (FileOperationException e) {
      // Servers without posix-rename@openssh.com refuse to rename over an existing file.
      shell(from, "cannot rename to " + to, ScriptCompiler.shell(new Operation.Rename(from, to)));
    }
  }

  @Override
  public void mkdirs(String path) {
    shell(path, "cannot create directory", ScriptCompiler.shell(new Operation.Mkdirs(path)));
  }

  @Override
  public void symlink(String target, String link) {
    // SFTP's symlink would make a relative target absolute, and could not replace a link atomically.
    shell(link, "cannot link to " + target, ScriptCompiler.shell(new Operation.Symlink(target, link)));
  }

  @Override
  public void delete(String path) {
    shell(path, "cannot delete", ScriptCompiler.shell(new Operation.Remove(path)));
  }

  /** A login shell on a pty over this host's connection. */
  @Override
  public Optional<InteractiveLogin> interactiveLogin() {
    return Optional.of(terminal -> onSession(session -> login.run(session, terminal)));
  }

  @Override
  public Optional<Secret> sudoPassword() {
    return settings.sudoPassword();
  }

  @Override
  public synchronized void close() {
    files.close();
    if (connection != null) {
      connection.close();
      connection = null;
      event(ConnectionEvent.Kind.CLOSED, settings.target().toString());
    }
  }

  @Override
  public String toString() {
    return "SshTransport[" + settings.name() + " " + settings.target() + "]";
  }

  private void shell(String path, String failure, String script) {
    ExecResult result = exec(new ExecRequest(dev.slipway.Command.shell(script), dev.slipway.HostContext.NONE,
        script, new byte[0], settings.commandTimeout(), false, ExecRequest.OutputSink.NONE));
    if (result.exitStatus() != 0) {
      throw new FileOperationException(settings.name(), path, failure + " (" + result.stderr().strip() + ")");
    }
  }

  private <T> T sftp(String path, String failure, SftpCall<T> call) {
    return onSession(session -> {
      try {
        return call.apply(session, files);
      } catch (SftpException e) {
        if (lost(session, e)) {
          throw new ConnectionFailedException(settings.name(), "Lost the connection to " + settings.name()
              + " during a file operation on " + path, e);
        }
        throw new FileOperationException(settings.name(), path, failure, e);
      }
    });
  }

  /**
   * Whether an SFTP failure is the connection's: the session is down, or the socket failed under
   * the request ({@code Broken pipe}) before JSch noticed; a keep-alive then tells a dead session.
   */
  private static boolean lost(Session session, SftpException failure) {
    if (!session.isConnected()) {
      return true;
    }
    if (!(failure.getCause() instanceof java.io.IOException)) {
      return false;
    }
    try {
      session.sendKeepAliveMsg();
      return !session.isConnected();
    } catch (Exception broken) {
      return true;
    }
  }

  private <T> T onSession(Function<Session, T> call) {
    Connection current = connection();
    try {
      return call.apply(current.session());
    } catch (SessionDownException e) {
      try {
        return call.apply(reconnect(current, e.getMessage()).session());
      } catch (SessionDownException again) {
        throw new ConnectionFailedException(settings.name(), "The connection to " + settings.name()
            + " dropped again right after reconnecting", again);
      }
    }
  }

  private synchronized Connection connection() {
    if (connection == null) {
      connection = connector.open();
      connectionsOpened.incrementAndGet();
      event(ConnectionEvent.Kind.CONNECTED, settings.target().toString());
    } else if (!connection.isConnected()) {
      reconnect(connection, "the session was closed");
    }
    return connection;
  }

  private synchronized Connection reconnect(Connection dropped, String reason) {
    if (connection == dropped) {
      dropped.close();
      connection = connector.open();
      connectionsOpened.incrementAndGet();
      event(ConnectionEvent.Kind.RECONNECTED, settings.target() + " (reconnected after: " + reason + ")");
    }
    return connection;
  }

  private void event(ConnectionEvent.Kind kind, String detail) {
    settings.events().on(new ConnectionEvent(settings.name(), Instant.now(), kind, detail));
  }

  private static String temporaryName(String path) {
    int slash = path.lastIndexOf('/');
    return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + ".slipway-" + UUID.randomUUID();
  }

  private static ExecutorService daemonThreads(String host) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "slipway-ssh-" + host + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** One SFTP operation. */
  @FunctionalInterface
  private interface SftpCall<T> {
    T apply(Session session, SftpFiles files) throws SftpException;
  }
}
