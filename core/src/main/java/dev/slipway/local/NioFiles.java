package dev.slipway.local;

import static java.util.Objects.requireNonNull;

import dev.slipway.FileInfo;
import dev.slipway.FileOperationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The file operations of the {@link dev.slipway.spi.Transport} SPI over any POSIX
 * {@link FileSystem}: the local transport uses the default file system, the fake host an in-memory
 * Jimfs one, so both behave alike. Writes go to a temporary file in the target's directory and are
 * renamed into place; a symlink is replaced by renaming a fresh link over it; nothing follows a
 * final symlink. Errors are {@link FileOperationException}s naming the host and the path.
 */
public final class NioFiles {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private final String host;
  private final FileSystem fileSystem;

  /** File operations for {@code host} on {@code fileSystem}. */
  public NioFiles(String host, FileSystem fileSystem) {
    this.host = requireNonNull(host, "host");
    this.fileSystem = requireNonNull(fileSystem, "fileSystem");
  }

  /** The whole content of a file. */
  public byte[] read(String path) {
    try {
      return Files.readAllBytes(resolve(path));
    } catch (IOException e) {
      throw failure("cannot read", path, e);
    }
  }

  /** Replaces a file atomically with {@code content} and {@code mode}. */
  public void write(String path, byte[] content, int mode) {
    upload(new ByteArrayInputStream(content), path, mode);
  }

  /** Streams {@code content} into a temporary file next to {@code path}, then renames it into place. */
  public void upload(InputStream content, String path, int mode) {
    Path target = resolve(path);
    refuseDirectory(target, path);
    Path temp = temporarySibling(target);
    try {
      Files.copy(content, temp);
      Files.setPosixFilePermissions(temp, permissions(mode));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw failure("cannot write", path, e);
    }
  }

  /** Streams a file into {@code sink}. */
  public void download(String path, OutputStream sink) {
    try {
      Files.copy(resolve(path), sink);
    } catch (IOException e) {
      throw failure("cannot download", path, e);
    }
  }

  /** What is at {@code path}, without following a final symlink. */
  public Optional<FileInfo> stat(String path) {
    Path file = resolve(path);
    try {
      return Optional.of(info(path, file));
    } catch (IOException e) {
      if (isAbsent(e)) {
        return Optional.empty();
      }
      throw failure("cannot stat", path, e);
    }
  }

  /** The entries of a directory, sorted by name. */
  public List<FileInfo> list(String directory) {
    Path dir = resolve(directory);
    try (Stream<Path> entries = Files.list(dir)) {
      List<FileInfo> infos = new ArrayList<>();
      for (Path entry : entries.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
        infos.add(info(child(directory, entry.getFileName().toString()), entry));
      }
      return infos;
    } catch (IOException e) {
      throw failure("cannot list", directory, e);
    }
  }

  /** Creates a directory and its parents; fine if it exists. */
  public void mkdirs(String path) {
    try {
      Files.createDirectories(resolve(path));
    } catch (IOException e) {
      throw failure("cannot create directory", path, e);
    }
  }

  /** Creates one directory; fails if anything is there or the parent is missing. */
  public void createDirectory(String path) {
    try {
      Files.createDirectory(resolve(path));
    } catch (IOException e) {
      throw failure("cannot create directory", path, e);
    }
  }

  /** Points {@code link} at {@code target}: a fresh link under a temporary name, renamed over {@code link}. */
  public void symlink(String target, String link) {
    Path linkPath = resolve(link);
    refuseDirectory(linkPath, link);
    Path temp = temporarySibling(linkPath);
    try {
      Files.createSymbolicLink(temp, fileSystem.getPath(target));
      Files.move(temp, linkPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw failure("cannot create symlink to " + target + " at", link, e);
    }
  }

  /** The text of the symlink at {@code path}; empty if it is not a symlink or nothing is there. */
  public Optional<String> readLink(String path) {
    try {
      return Optional.of(Files.readSymbolicLink(resolve(path)).toString());
    } catch (IOException e) {
      if (e instanceof NotLinkException || isAbsent(e)) {
        return Optional.empty();
      }
      throw failure("cannot read link", path, e);
    }
  }

  /**
   * Renames {@code from} to {@code to} like {@code rename(2)}: a file or link at {@code to} is
   * replaced atomically, an empty directory only by a directory.
   */
  public void rename(String from, String to) {
    Path source = resolve(from);
    Path target = resolve(to);
    try {
      boolean sourceIsDirectory = Files.readAttributes(source, BasicFileAttributes.class, NOFOLLOW).isDirectory();
      if (Files.exists(target, NOFOLLOW) && Files.isDirectory(target, NOFOLLOW) != sourceIsDirectory) {
        throw new FileOperationException(host, to, sourceIsDirectory
            ? "cannot rename directory " + from + " over a file" : "cannot rename " + from + " over a directory");
      }
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw failure("cannot rename " + from + " to", to, e);
    }
  }

  /** Removes a file, a link (never what it points at) or a whole tree; fine if nothing is there. */
  public void delete(String path) {
    Path root = resolve(path).normalize();
    if (root.getParent() == null) {
      throw new FileOperationException(host, path, "refusing to delete the root directory");
    }
    if (!Files.exists(root, NOFOLLOW)) {
      return;
    }
    try {
      Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw failure("cannot delete", path, e);
    }
  }

  /**
   * Copies like {@code cp -a}: a file, link or tree with its modes; into {@code to} when that is an
   * existing directory, else to {@code to} itself.
   */
  public void copy(String from, String to) {
    Path source = resolve(from);
    Path target = resolve(to);
    if (Files.isDirectory(target)) {
      target = target.resolve(source.getFileName().toString());
    }
    Path destination = target;
    try (Stream<Path> tree = Files.walk(source)) {
      for (Path each : tree.toList()) {
        Path copy = destination.resolve(source.relativize(each).toString());
        Files.copy(each, copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES,
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw failure("cannot copy " + from + " to", to, e);
    }
  }

  /** The path on this file system; must be absolute. */
  public Path resolve(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("transport paths must be absolute, was: " + path);
    }
    return fileSystem.getPath(path);
  }

  /** {@code path}'s permission bits as a set. */
  public static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = PosixFilePermission.values();
    for (int i = 0; i < all.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        set.add(all[i]);
      }
    }
    return set;
  }

  /** The permission bits of a set, e.g. {@code 0644}. */
  public static int mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 0400 >> permission.ordinal();
    }
    return mode;
  }

  private FileInfo info(String path, Path file) throws IOException {
    PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class, NOFOLLOW);
    FileInfo.Type type = attrs.isSymbolicLink() ? FileInfo.Type.SYMLINK
        : attrs.isDirectory() ? FileInfo.Type.DIRECTORY
        : attrs.isRegularFile() ? FileInfo.Type.FILE : FileInfo.Type.OTHER;
    Optional<String> target = attrs.isSymbolicLink()
        ? Optional.of(Files.readSymbolicLink(file).toString()) : Optional.empty();
    long size = target.map(t -> (long) t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .orElse(attrs.size());
    return new FileInfo(path, type, size, mode(attrs.permissions()), attrs.lastModifiedTime().toInstant(), target);
  }

  private void refuseDirectory(Path target, String path) {
    if (Files.isDirectory(target, NOFOLLOW)) {
      throw new FileOperationException(host, path, "a directory is in the way");
    }
  }

  private static Path temporarySibling(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".slipway-" + UUID.randomUUID());
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // the original failure is what the caller needs to see
    }
  }

  private static String child(String directory, String name) {
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }

  /** Whether {@code e} says nothing is there, also when a parent is a file (ENOTDIR), as {@code test -e} sees it. */
  private static boolean isAbsent(IOException e) {
    return e instanceof NoSuchFileException
        || e instanceof FileSystemException f && "Not a directory".equals(f.getReason());
  }

  private FileOperationException failure(String action, String path, IOException e) {
    Optional<String> reason = reason(e);
    // A known reason says it all; the exception's own message would name our temporary file.
    return reason.isPresent()
        ? new FileOperationException(host, path, action + " (" + reason.get() + ")")
        : new FileOperationException(host, path, action, e);
  }

  private static Optional<String> reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Optional.of("no such file or directory");
    } else if (e instanceof AccessDeniedException) {
      return Optional.of("permission denied");
    } else if (e instanceof DirectoryNotEmptyException) {
      return Optional.of("directory not empty");
    } else if (e instanceof FileAlreadyExistsException) {
      return Optional.of("already exists");
    } else if (e instanceof NotDirectoryException) {
      return Optional.of("not a directory");
    }
    return Optional.empty();
  }
}
