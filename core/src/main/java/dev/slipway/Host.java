package dev.slipway;

import dev.slipway.event.EventListener;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A machine that deploy steps run commands on, seen through a {@link HostContext}.
 *
 * <p>Hosts are cheap immutable views. {@code cd}, {@code env}, {@code prefix}, {@code as},
 * {@code sudo} and {@code dryRun} return a new {@code Host} that shares this host's connection,
 * so nothing needs restoring and views are safe to hand to parallel threads:
 *
 * <pre>{@code
 * Host app = host.cd("/opt/flask-demo/current").env("FLASK_ENV", "production");
 * CommandResult r = app.run("python3 -c %s", "print(1)");   // every argument is quoted
 * app.sudo().run("systemctl restart flask-demo");
 * }</pre>
 *
 * <p>{@link #run} throws {@link CommandFailedException} on a non-zero exit status unless the
 * command {@linkplain Command#allowFailure() allows failure}; {@link #execute} never does.
 * File operations act as the connecting user; a relative path is resolved against the context's
 * directory. Implementations are thread-safe.
 */
public interface Host extends AutoCloseable {

  /** Stable name used in logs, events and errors, e.g. {@code "web-1"}. */
  String name();

  /** Directory, environment, prefixes, user and dry-run that commands on this view run under. */
  HostContext context();

  /** A view of this host under {@code context}; the connection is shared, never reopened. */
  Host withContext(HostContext context);

  /** A view of this host that also reports its events to {@code listener}. */
  Host withListener(EventListener listener);

  /** Runs {@code command} and reports how it ended; never throws for a non-zero exit status. */
  CommandResult execute(Command command);

  /**
   * Runs a batch of operations in order as one round trip, stopping at the first failure.
   *
   * @return the combined output of the batch's commands
   * @throws CommandFailedException naming the operation that failed (a {@link BatchFailedException})
   * @throws CommandTimeoutException when a command ran past its own time limit (a
   *     {@link BatchTimeoutException} naming it); the batch stopped there
   */
  CommandResult apply(Batch batch);

  /**
   * The connection under this host if it is a {@code type} (a transport of the
   * {@code dev.slipway.spi} package, e.g. {@code host.unwrap(SshTransport.class)}), for
   * extensions; shared by every view of this host.
   */
  <T> Optional<T> unwrap(Class<T> type);

  /** Closes the connection shared by every view of this host. */
  @Override
  void close();

  // Conveniences, written once for every implementation.

  /** Runs {@code command}; throws {@link CommandFailedException} if it fails and failure was not allowed. */
  default CommandResult run(Command command) {
    CommandResult result = execute(command);
    if (!result.succeeded() && !command.failureAllowed()) {
      throw new CommandFailedException(context(), result);
    }
    return result;
  }

  /**
   * Runs a shell line whose {@code %s} placeholders are replaced by the quoted {@code args}
   * ({@code %%} is a percent sign); a line without arguments runs as written ({@code "date +%s"}).
   */
  default CommandResult run(String template, Object... args) {
    return run(Command.format(template, args));
  }

  /**
   * Whether {@code command} exits with status 0 (a {@code test}-style question). A question
   * changes nothing, so it is {@linkplain Command#readOnly() read-only}: a dry run asks it for real.
   */
  default boolean test(Command command) {
    return execute(command.readOnly()).succeeded();
  }

  /** Whether the shell line ({@code %s} arguments as for {@link #run(String, Object...)}) exits with status 0. */
  default boolean test(String template, Object... args) {
    return test(Command.format(template, args));
  }

  /** The standard output of the command, without its trailing newline. */
  default String capture(String template, Object... args) {
    return run(template, args).output();
  }

  /** A view whose commands run in {@code directory} (resolved against the current one). */
  default Host cd(String directory) {
    return withContext(context().cd(directory));
  }

  /** A view whose commands see one more environment variable. */
  default Host env(String name, String value) {
    return withContext(context().env(name, value));
  }

  /**
   * A view whose commands get the secret {@code value} as the environment variable {@code name},
   * through stdin: never in the command's text, {@code ps}, logs, events or exceptions.
   */
  default Host env(String name, Secret value) {
    return withContext(context().env(name, value));
  }

  /** A view whose commands are each preceded by {@code command} (joined with {@code &&}). */
  default Host prefix(String command) {
    return withContext(context().prefix(command));
  }

  /** A view whose commands run as {@code user} through sudo. */
  default Host as(String user) {
    return withContext(context().as(user));
  }

  /** A view whose commands run as root through sudo. */
  default Host sudo() {
    return as("root");
  }

  /**
   * A view whose commands are printed and syntax-checked with {@code sh -n}, not run, and whose
   * file changes are printed, not made. Reads ({@code stat}, {@code readLink}, {@code read}) and
   * {@linkplain Command#readOnly() read-only} commands still run, so a dry run sees the real state.
   */
  default Host dryRun() {
    return withContext(context().dryRun(true));
  }

  /** The whole content of a file. */
  byte[] read(String path);

  /** The content of a text file (UTF-8). */
  default String readString(String path) {
    return new String(read(path), StandardCharsets.UTF_8);
  }

  /** Writes a file atomically with mode {@code 0644}. */
  default void write(String path, String content) {
    write(path, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  /** Writes a file atomically with {@code mode}. */
  void write(String path, byte[] content, int mode);

  /** What is at {@code path} (a final symlink is not followed); empty if nothing. */
  Optional<FileInfo> stat(String path);

  /** Whether anything (a dangling symlink included) is at {@code path}. */
  default boolean exists(String path) {
    return stat(path).isPresent();
  }

  /** The entries of a directory, sorted by name. */
  List<FileInfo> list(String directory);

  /** Creates a directory and its parents; fine if it exists. */
  void mkdirs(String path);

  /** Points {@code link} at {@code target}, atomically replacing a link already there. */
  void symlink(String target, String link);

  /** The text of the symlink at {@code path}; empty if it is not a symlink. */
  Optional<String> readLink(String path);

  /** Renames {@code from} to {@code to}, atomically replacing what is at {@code to}. */
  void rename(String from, String to);

  /** Removes a file, link or tree; fine if nothing is there. */
  void delete(String path);

  /** Streams {@code content} into a file, renamed into place when complete. */
  void upload(InputStream content, String path, int mode);

  /** Streams a file into {@code sink}. */
  void download(String path, OutputStream sink);

  /** {@code path} made absolute against the context's directory. */
  default String absolute(String path) {
    if (path.startsWith("/")) {
      return path;
    }
    String base = context().directory().orElseThrow(() -> new IllegalArgumentException(
        "relative path " + path + " needs a directory: call cd(\"/some/dir\") first"));
    if (!base.startsWith("/")) {
      throw new IllegalArgumentException("relative path " + path + " in relative directory " + base
          + ": file operations need an absolute directory");
    }
    return base.endsWith("/") ? base + path : base + "/" + path;
  }
}
