package dev.slipway.testing;

import dev.slipway.local.NioFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The fake's real {@code tar} extraction: {@code tar -xzf ARCHIVE -C DIR}, {@code tar -xf},
 * {@code tar xzf}, with an optional {@code --strip-components=N}; gzip is recognised by its magic
 * number, as GNU tar does. Files, directories, symlinks and modes land in the in-memory file
 * system; an entry that would escape the target directory fails the command.
 */
final class TarBuiltin {
  private final NioFiles files;

  TarBuiltin(NioFiles files) {
    this.files = files;
  }

  /** An extraction request parsed from {@code words}, if they are one this built-in understands. */
  static Optional<Extract> parse(List<String> words, Optional<String> directory) {
    if (words.isEmpty() || !words.get(0).equals("tar")) {
      return Optional.empty();
    }
    String archive = null;
    String target = directory.orElse("/");
    int strip = 0;
    boolean extract = false;
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("-C") && i + 1 < words.size()) {
        target = resolve(directory, words.get(++i));
      } else if (word.startsWith("--strip-components=")) {
        strip = Integer.parseInt(word.substring("--strip-components=".length()));
      } else if (i == 1 || word.startsWith("-")) {
        String flags = word.startsWith("-") ? word.substring(1) : word;
        if (!flags.matches("[xzfv]+") || flags.indexOf('f') != flags.length() - 1 || i + 1 >= words.size()) {
          return Optional.empty();
        }
        extract = flags.indexOf('x') >= 0;
        archive = resolve(directory, words.get(++i));
      } else {
        return Optional.empty();
      }
    }
    return extract && archive != null ? Optional.of(new Extract(archive, target, strip)) : Optional.empty();
  }

  /** Extracts the archive; returns an error message for stderr, or empty on success. */
  Optional<String> run(Extract extract) {
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

  /**
   * One extraction.
   *
   * @param archive the absolute path of the archive
   * @param directory the absolute directory to extract into
   * @param strip how many leading path elements to drop from each entry
   */
  record Extract(String archive, String directory, int strip) {}

  private static String resolve(Optional<String> directory, String path) {
    if (path.startsWith("/")) {
      return path;
    }
    String base = directory.orElse("/");
    return base.endsWith("/") ? base + path : base + "/" + path;
  }
}
