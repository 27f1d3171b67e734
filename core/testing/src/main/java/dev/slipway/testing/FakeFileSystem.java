package dev.slipway.testing;

import dev.slipway.FileInfo;
import dev.slipway.FileOperationException;
import dev.slipway.local.NioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The in-memory file system of a {@link FakeHost}, for setting up and checking files in tests. It
 * is the same file system the fake's commands, batches and file operations act on.
 *
 * <pre>{@code
 * web.fs().write("/opt/app/shared/.env", "DEBUG=0\n");
 * Releases.at("/opt/app").sharedFiles(".env").source(DirectorySource.of(app).version("v2")).deploy(web);
 * assertThat(web.fs().readLink("/opt/app/current")).startsWith("/opt/app/releases/");
 * }</pre>
 *
 * Every path is absolute. Errors name the host and the path.
 */
public final class FakeFileSystem {
  private final String host;
  private final NioFiles files;

  FakeFileSystem(String host, NioFiles files) {
    this.host = host;
    this.files = files;
  }

  /** The text of the symlink at {@code path}; throws a clear error if it is not a symlink. */
  public String readLink(String path) {
    return files.readLink(path).orElseThrow(() -> new FileOperationException(host, path, "not a symlink ("
        + files.stat(path).map(info -> "it is a " + info.type().name().toLowerCase(Locale.ROOT))
            .orElse("nothing is there") + ")"));
  }

  /** The content of a file. */
  public byte[] read(String path) {
    return files.read(path);
  }

  /** The content of a text file (UTF-8). */
  public String readString(String path) {
    return new String(files.read(path), StandardCharsets.UTF_8);
  }

  /** Writes a text file with mode {@code 0644}, creating its parent directories. */
  public FakeFileSystem write(String path, String content) {
    return write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a file with mode {@code 0644}, creating its parent directories. */
  public FakeFileSystem write(String path, byte[] content) {
    mkdirs(parent(path));
    files.write(path, content, 0644);
    return this;
  }

  /** Creates a directory and its parents. */
  public FakeFileSystem mkdirs(String path) {
    files.mkdirs(path);
    return this;
  }

  /** Points {@code link} at {@code target}, creating the link's parent directories. */
  public FakeFileSystem symlink(String target, String link) {
    mkdirs(parent(link));
    files.symlink(target, link);
    return this;
  }

  /** Whether anything (a dangling symlink included) is at {@code path}. */
  public boolean exists(String path) {
    return files.stat(path).isPresent();
  }

  /** Whether {@code path} is a directory, following symlinks. */
  public boolean isDirectory(String path) {
    return Files.isDirectory(files.resolve(path));
  }

  /** Whether {@code path} is a symlink. */
  public boolean isSymlink(String path) {
    return files.stat(path).map(FileInfo::isSymlink).orElse(false);
  }

  /** The names of a directory's entries, sorted. */
  public List<String> list(String directory) {
    return files.list(directory).stream().map(FileInfo::name).toList();
  }

  /** Removes a file, a link or a tree. */
  public FakeFileSystem delete(String path) {
    files.delete(path);
    return this;
  }

  /** {@code path} on the in-memory file system, for anything {@link Files} can do. */
  public Path path(String path) {
    return files.resolve(path);
  }

  /** Every regular file, by absolute path, sorted. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> all = new TreeMap<>();
    try (Stream<Path> tree = Files.walk(files.resolve("/"))) {
      for (Path file : tree.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
        all.put(file.toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
