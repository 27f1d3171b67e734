package dev.slipway.testing;

import dev.slipway.local.NioFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The fake's real {@code tar}: extraction ({@code tar -xzf ARCHIVE -C DIR}, {@code tar -xf},
 * {@code tar -xpf}, {@code tar xzf}, with an optional {@code --strip-components=N}; gzip is
 * recognised by its magic number, as GNU tar does) and the creation of an archive of listed files
 * ({@code tar -C DIR -cf ARCHIVE --null -T LIST}). Files, directories, symlinks and modes land in the in-memory file
 * system; an entry that would escape the target directory fails the command.
 */
final class TarBuiltin {
  private final NioFiles files;

  TarBuiltin(NioFiles files) {
    this.files = files;
  }

  /** A request parsed from {@code words}, if they are one this built-in understands. */
  static Optional<Request> parse(List<String> words, Optional<String> directory) {
    if (words.isEmpty() || !words.get(0).equals("tar")) {
      return Optional.empty();
    }
    Words request = new Words(directory);
    for (int i = 1; i < words.size(); i++) {
      i = request.read(words, i);
      if (i < 0) {
        return Optional.empty();
      }
    }
    return request.request();
  }

  /** Runs the request; returns an error message for stderr, or empty on success. */
  Optional<String> run(Request request) {
    return request instanceof Create create ? create(create) : extract((Extract) request);
  }

  private Optional<String> create(Create create) {
    Path root = files.resolve(create.directory());
    String name = "";
    try (OutputStream out = Files.newOutputStream(files.resolve(create.archive()));
         TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (String listed : new String(Files.readAllBytes(files.resolve(create.list())), StandardCharsets.UTF_8)
          .split("\0")) {
        name = listed;
        add(tar, root.resolve(listed), listed);
      }
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.of("tar: " + name + ": Cannot stat: No such file or directory");
    } catch (IOException e) {
      return Optional.of("tar: " + name + ": " + e.getMessage());
    }
  }

  private static void add(TarArchiveOutputStream tar, Path file, String name) throws IOException {
    if (Files.isSymbolicLink(file)) {
      TarArchiveEntry link = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      link.setLinkName(Files.readSymbolicLink(file).toString());
      tar.putArchiveEntry(link);
    } else {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(Files.size(file));
      entry.setMode(0100000 | NioFiles.mode(Files.getPosixFilePermissions(file)));
      tar.putArchiveEntry(entry);
      Files.copy(file, tar);
    }
    tar.closeArchiveEntry();
  }

  private Optional<String> extract(Extract extract) {
    Path root = files.resolve(extract.directory());
    if (!Files.isDirectory(root)) {
      return Optional.of("tar: " + extract.directory() + ": Cannot open: No such file or directory");
    }
    try (InputStream in = open(files.resolve(extract.archive()));
         TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Optional<Path> target = target(root, entry.getName(), extract.strip());
        if (target.isPresent()) {
          write(tar, entry, target.get());
        }
      }
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of("tar: " + extract.archive() + ": " + e.getMessage());
    }
  }

  private static InputStream open(Path archive) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(archive));
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return gzip ? new GzipCompressorInputStream(in) : in;
  }

  private static Optional<Path> target(Path root, String name, int strip) {
    String[] parts = name.replaceFirst("^(\\./)+", "").split("/+");
    if (parts.length <= strip || (parts.length == 1 && parts[0].isEmpty()) || name.equals("./")) {
      return Optional.empty();
    }
    Path target = root;
    for (int i = strip; i < parts.length; i++) {
      if (parts[i].equals("..")) {
        throw new IllegalArgumentException("refusing an entry outside the target directory: " + name);
      }
      if (!parts[i].isEmpty() && !parts[i].equals(".")) {
        target = target.resolve(parts[i]);
      }
    }
    return Optional.of(target);
  }

  private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path target) throws IOException {
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      Files.setPosixFilePermissions(target, NioFiles.permissions(entry.getMode() & 0777));
      return;
    }
    Files.createDirectories(target.getParent());
    Files.deleteIfExists(target);
    if (entry.isSymbolicLink()) {
      Files.createSymbolicLink(target, target.getFileSystem().getPath(entry.getLinkName()));
    } else if (entry.isFile()) {
      Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(target, NioFiles.permissions(entry.getMode() & 0777));
    }
  }

  /** A request this built-in runs: an {@link Extract} or a {@link Create}. */
  sealed interface Request permits Extract, Create {}

  /**
   * One extraction.
   *
   * @param archive the absolute path of the archive
   * @param directory the absolute directory to extract into
   * @param strip how many leading path elements to drop from each entry
   */
  record Extract(String archive, String directory, int strip) implements Request {}

  /**
   * One {@code tar -C DIR -cf ARCHIVE --null -T LIST}: the files LIST names (NUL-separated,
   * relative to DIR), symlinks as links.
   *
   * @param archive the absolute path of the archive to write
   * @param directory the absolute directory the listed paths are relative to
   * @param list the absolute path of the list
   */
  record Create(String archive, String directory, String list) implements Request {}

  /** The words of one tar command line, read one option at a time. */
  private static final class Words {
    private final Optional<String> directory;
    private String archive;
    private String target;
    private String list;
    private int strip;
    private boolean extract;
    private boolean create;
    private boolean nul;

    Words(Optional<String> directory) {
      this.directory = directory;
      this.target = directory.orElse("/");
    }

    /** Reads the option at {@code i}; returns the index of its last word, or -1 if not understood. */
    int read(List<String> words, int i) {
      String word = words.get(i);
      boolean hasValue = i + 1 < words.size();
      if ((word.equals("-C") || word.equals("-T")) && hasValue) {
        String value = resolve(directory, words.get(i + 1));
        target = word.equals("-C") ? value : target;
        list = word.equals("-T") ? value : list;
        return i + 1;
      }
      if (word.startsWith("--strip-components=")) {
        strip = Integer.parseInt(word.substring("--strip-components=".length()));
        return i;
      }
      if (word.equals("--null")) {
        nul = true;
        return i;
      }
      return i == 1 || word.startsWith("-") ? readFlags(word, words, i) : -1;
    }

    private int readFlags(String word, List<String> words, int i) {
      String flags = word.startsWith("-") ? word.substring(1) : word;
      if (!flags.matches("[xczfvp]+") || flags.indexOf('f') != flags.length() - 1 || i + 1 >= words.size()) {
        return -1;
      }
      extract = flags.indexOf('x') >= 0;
      create = flags.indexOf('c') >= 0;
      archive = resolve(directory, words.get(i + 1));
      return i + 1;
    }

    Optional<Request> request() {
      if (archive == null || extract == create) {
        return Optional.empty();
      }
      if (create) {
        return nul && list != null ? Optional.of(new Create(archive, target, list)) : Optional.empty();
      }
      return list == null ? Optional.of(new Extract(archive, target, strip)) : Optional.empty();
    }
  }

  private static String resolve(Optional<String> directory, String path) {
    if (path.startsWith("/")) {
      return path;
    }
    String base = directory.orElse("/");
    return base.endsWith("/") ? base + path : base + "/" + path;
  }
}
