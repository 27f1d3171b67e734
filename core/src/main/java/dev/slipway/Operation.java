package dev.slipway;

import static java.util.Objects.requireNonNull;

/**
 * One typed change to a host's file system, or one command, as part of a {@link Batch}.
 *
 * <p>Operations are values: the release manager builds them instead of shell strings. Real
 * transports compile a batch into one POSIX {@code sh} script (one round trip); the fake applies
 * it to its in-memory file system. Every path is absolute.
 */
public sealed interface Operation {

  /** A one-line description for errors and dry-run output, e.g. {@code mkdir -p /srv/app}. */
  String describe();

  /** Calls the method of {@code visitor} for this operation's kind. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of operation, so that code handling operations (the script compiler, the
   * fake's file system) is checked by the compiler to handle every kind.
   *
   * @param <R> what each method returns
   */
  interface Visitor<R> {
    R mkdirs(Mkdirs op);

    R createDirectory(CreateDirectory op);

    R symlink(Symlink op);

    R rename(Rename op);

    R remove(Remove op);

    R writeFile(WriteFile op);

    R upload(Upload op);

    R appendFile(AppendFile op);

    R copy(Copy op);

    R exec(Exec op);
  }

  /** {@code mkdir -p}: creates the directory and its parents; fine if it exists. */
  record Mkdirs(String path) implements Operation {
    public Mkdirs {
      requireAbsolute(path);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.mkdirs(this);
    }

    @Override
    public String describe() {
      return "mkdir -p " + path;
    }
  }

  /** {@code mkdir}: creates one directory and fails if anything exists there (atomic; used for locks). */
  record CreateDirectory(String path) implements Operation {
    public CreateDirectory {
      requireAbsolute(path);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.createDirectory(this);
    }

    @Override
    public String describe() {
      return "mkdir " + path;
    }
  }

  /**
   * Points {@code link} at {@code target}, replacing any link already there atomically: a fresh
   * link is made under a temporary name and renamed over {@code link}, never unlinked first.
   */
  record Symlink(String target, String link) implements Operation {
    public Symlink {
      requireNonNull(target, "target");
      requireAbsolute(link);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.symlink(this);
    }

    @Override
    public String describe() {
      return "ln -s " + target + " " + link;
    }
  }

  /** {@code rename(2)}: moves {@code from} to {@code to}, atomically replacing a file or link there. */
  record Rename(String from, String to) implements Operation {
    public Rename {
      requireAbsolute(from);
      requireAbsolute(to);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.rename(this);
    }

    @Override
    public String describe() {
      return "mv " + from + " " + to;
    }
  }

  /** {@code rm -rf}: removes a file, a link (not what it points at) or a whole tree; fine if absent. */
  record Remove(String path) implements Operation {
    public Remove {
      requireAbsolute(path);
      if (path.equals("/")) {
        throw new IllegalArgumentException("refusing to remove /");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.remove(this);
    }

    @Override
    public String describe() {
      return "rm -rf " + path;
    }
  }

  /** Writes a text file atomically (a temporary file renamed into place) with the given mode. */
  record WriteFile(String path, String content, int mode) implements Operation {
    public WriteFile {
      requireAbsolute(path);
      requireNonNull(content, "content");
      if (content.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("WriteFile holds text; use Host.upload for binary content: " + path);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.writeFile(this);
    }

    @Override
    public String describe() {
      return "write " + path;
    }
  }

  /**
   * Writes bytes atomically with the given mode, as the batch's user: the content travels on the
   * batch's standard input, never in the script's text, and the temporary file is created with
   * the final mode (or private, until a chmod, for modes with execute bits) before it is renamed
   * into place. Arrays compare by identity in this record.
   */
  record Upload(String path, byte[] content, int mode) implements Operation {
    public Upload {
      requireAbsolute(path);
      requireNonNull(content, "content");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.upload(this);
    }

    @Override
    public String describe() {
      return "write " + path + " (" + content.length + " bytes)";
    }
  }

  /**
   * Appends text to a file, creating it (mode 0644) if missing: one {@code write(2)} with
   * {@code O_APPEND}, so lines appended by several writers never interleave. For logs that are
   * never rewritten, such as a release history.
   */
  record AppendFile(String path, String content) implements Operation {
    public AppendFile {
      requireAbsolute(path);
      requireNonNull(content, "content");
      if (content.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("AppendFile holds text: " + path);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.appendFile(this);
    }

    @Override
    public String describe() {
      return "append to " + path;
    }
  }

  /** {@code cp -a}: copies a file or a whole tree, keeping modes, times and symlinks. */
  record Copy(String from, String to) implements Operation {
    public Copy {
      requireAbsolute(from);
      requireAbsolute(to);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.copy(this);
    }

    @Override
    public String describe() {
      return "cp -a " + from + " " + to;
    }
  }

  /** Runs a command in the batch's shell; its standard output becomes part of the batch's output. */
  record Exec(Command command) implements Operation {
    public Exec {
      requireNonNull(command, "command");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.exec(this);
    }

    @Override
    public String describe() {
      return command.toString();
    }
  }

  private static void requireAbsolute(String path) {
    requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("operation paths must be absolute, was: " + path);
    }
  }
}
