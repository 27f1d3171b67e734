package dev.slipway.spi;

import dev.slipway.CommandTimeoutException;
import dev.slipway.ConnectionFailedException;
import dev.slipway.FileInfo;
import dev.slipway.FileOperationException;
import dev.slipway.Secret;
import dev.slipway.Batch;
import dev.slipway.Host;
import dev.slipway.spi.internal.TransportHost;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * One connection to one machine: the only place that touches the outside. Implemented by the
 * local transport (commons-exec, java.nio), the SSH transport (JSch exec channels and SFTP on one
 * session) and the fake (an in-memory file system and scripted answers).
 *
 * <p>Users do not call transports; they get a {@link Host} with {@link #host(String)}, which
 * renders commands and reports events.
 * Every path is absolute. Every method is thread-safe. File operations throw
 * {@link FileOperationException}; a lost or refused connection is a {@link ConnectionFailedException}.
 */
public interface Transport extends AutoCloseable {

  /** A host named {@code name} that reaches its machine through this transport. */
  default Host host(String name) {
    return new TransportHost(name, this);
  }

  /** Runs a rendered command to completion. Never throws for a non-zero exit status.
   *
   * @throws CommandTimeoutException when the request's time limit passes (the command is killed)
   */
  ExecResult exec(ExecRequest request);

  /** The whole content of a file. */
  byte[] read(String path);

  /** Replaces a file's content atomically (a temporary file renamed into place) with {@code mode}. */
  void write(String path, byte[] content, int mode);

  /** The file at {@code path}, without following a final symlink; empty if nothing is there. */
  Optional<FileInfo> stat(String path);

  /** The entries of a directory (not {@code .} or {@code ..}), sorted by name. */
  List<FileInfo> list(String directory);

  /** Creates a directory and its parents; fine if it exists. */
  void mkdirs(String path);

  /** Points {@code link} at {@code target}, atomically replacing a link already there. */
  void symlink(String target, String link);

  /** The text of the symlink at {@code path}; empty if it is not a symlink or does not exist. */
  Optional<String> readLink(String path);

  /** Renames {@code from} to {@code to}, atomically replacing a file or link at {@code to}. */
  void rename(String from, String to);

  /** Removes a file, a link or a whole tree; fine if nothing is there. */
  void delete(String path);

  /** Streams {@code content} into a file (through a temporary name, renamed when complete). */
  void upload(InputStream content, String path, int mode);

  /** Streams a file's content into {@code sink}. */
  void download(String path, OutputStream sink);

  /**
   * Runs a batch of operations in order, stopping at the first failure. Real transports compile it
   * into one {@code sh} script run in one {@link #exec}; the fake applies it to its file system.
   *
   * @param batch the operations
   * @param request the batch compiled into one script, ready for {@link #exec}
   */
  default ExecResult apply(Batch batch, ExecRequest request) {
    return exec(request);
  }

  /** The password sudo asks for, when the host needs one; fed on stdin, never on a command line. */
  default Optional<Secret> sudoPassword() {
    return Optional.empty();
  }

  /** Closes the connection. Views of the host made later reconnect only if the transport supports it. */
  @Override
  void close();
}
