package dev.slipway.release.source;

import dev.slipway.Batch;
import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.Operation;
import dev.slipway.release.InstallTarget;
import dev.slipway.release.ReleaseException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A release packed on the controller as one checked {@code tar.gz} (no absolute or {@code ..}
 * entries), uploaded to each host and unpacked with one {@code tar} command: the host needs
 * nothing but {@code tar}, and each host costs one upload and one round trip.
 */
final class Archive {
  private final Path file;
  private byte[] bytes;

  private Archive(Path file) {
    this.file = file;
  }

  /** Packs the content of {@code directory} (symlinks kept as links, modes kept). */
  static Archive ofDirectory(Path directory) {
    Path packed = tempFile();
    try (OutputStream out = Files.newOutputStream(packed);
         TarArchiveOutputStream tar = tarStream(out);
         Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted().toList()) {
        if (!path.equals(directory)) {
          addEntry(tar, directory, path);
        }
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack " + directory + ": " + e.getMessage(), e);
    }
    return new Archive(packed);
  }

  /** Repacks a {@code .tar.gz}, {@code .tgz}, {@code .tar} or {@code .zip} file, dropping {@code strip} leading path elements. */
  static Archive ofArchive(Path archive, int strip) {
    Path packed = tempFile();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
         ArchiveInputStream<? extends ArchiveEntry> in = open(raw, archive.getFileName().toString());
         OutputStream out = Files.newOutputStream(packed);
         TarArchiveOutputStream tar = tarStream(out)) {
      ArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = checkedName(entry.getName(), strip, archive);
        if (!name.isEmpty()) {
          TarArchiveEntry copy = copyOf(entry, name);
          byte[] content = hasContent(copy) ? in.readAllBytes() : new byte[0];
          copy.setSize(content.length);
          tar.putArchiveEntry(copy);
          tar.write(content);
          tar.closeArchiveEntry();
        }
      }
      tar.finish();
    } catch (IOException e) {
      throw new ReleaseException("cannot read archive " + archive + ": " + e.getMessage()
          + " (expected .tar.gz, .tgz, .tar or .zip)", e);
    }
    return new Archive(packed);
  }

  /**
   * Uploads the archive into the staging directory and unpacks it there in one round trip; on a
   * view with a user (sudo) the upload travels on the unpacking batch's stdin, in the same round trip.
   */
  void install(Host host, InstallTarget target) {
    if (host.context().user().isPresent()) {
      host.apply(new Batch(operations(target)));
      return;
    }
    String upload = uploadPath(target);
    try (InputStream in = Files.newInputStream(file)) {
      host.upload(in, upload, 0600);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    host.apply(Batch.of(unpack(upload, target), new Operation.Remove(upload)));
  }

  /** Upload (on the batch's stdin), unpack and remove: the install as operations of any batch. */
  List<Operation> operations(InstallTarget target) {
    String upload = uploadPath(target);
    return List.of(new Operation.Upload(upload, bytes(), 0600), unpack(upload, target), new Operation.Remove(upload));
  }

  // Read once, then shared by every host's batch: hosts deploy in parallel from one archive.
  private synchronized byte[] bytes() {
    if (bytes == null) {
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return bytes;
  }

  private static String uploadPath(InstallTarget target) {
    return target.directory() + "/.slipway-upload-" + UUID.randomUUID() + ".tar.gz";
  }

  private static Operation unpack(String upload, InstallTarget target) {
    return new Operation.Exec(Command.cmd("tar", "-xzf", upload, "-C", target.directory()));
  }

  /** The content of the regular file at {@code relativePath} in the archive, if it holds one. */
  Optional<byte[]> file(String relativePath) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
         TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (hasContent(entry) && entry.getName().equals(relativePath)) {
          return Optional.of(tar.readAllBytes());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static ArchiveInputStream<? extends ArchiveEntry> open(InputStream raw, String name) throws IOException {
    if (name.endsWith(".zip")) {
      return new ZipArchiveInputStream(raw);
    }
    if (name.endsWith(".tar")) {
      return new TarArchiveInputStream(raw);
    }
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return new TarArchiveInputStream(new GzipCompressorInputStream(raw));
    }
    throw new ReleaseException("unknown archive type: " + name + " (use .tar.gz, .tgz, .tar or .zip)");
  }

  private static String checkedName(String raw, int strip, Path archive) {
    String name = raw.replace('\\', '/');
    List<String> parts = List.of(name.split("/"));
    if (name.startsWith("/") || parts.contains("..")) {
      throw new ReleaseException("archive " + archive + " has an entry outside its root: " + raw
          + "; refusing to unpack it");
    }
    List<String> kept = parts.stream().filter(p -> !p.isEmpty() && !p.equals(".")).toList();
    return kept.size() <= strip ? "" : String.join("/", kept.subList(strip, kept.size()));
  }

  private static TarArchiveEntry copyOf(ArchiveEntry entry, String name) {
    if (entry instanceof TarArchiveEntry tarEntry) {
      byte type = tarEntry.isSymbolicLink() ? TarArchiveEntry.LF_SYMLINK
          : tarEntry.isLink() ? TarArchiveEntry.LF_LINK
          : tarEntry.isDirectory() ? TarArchiveEntry.LF_DIR : TarArchiveEntry.LF_NORMAL;
      TarArchiveEntry copy = new TarArchiveEntry(tarEntry.isDirectory() ? name + "/" : name, type);
      copy.setMode(tarEntry.getMode());
      copy.setLinkName(tarEntry.getLinkName());
      copy.setModTime(tarEntry.getModTime());
      return copy;
    }
    ZipArchiveEntry zipEntry = (ZipArchiveEntry) entry;
    TarArchiveEntry copy = new TarArchiveEntry(zipEntry.isDirectory() ? name + "/" : name);
    int unixMode = zipEntry.getUnixMode();
    copy.setMode(unixMode != 0 ? unixMode : zipEntry.isDirectory() ? 040755 : 0100644);
    copy.setModTime(zipEntry.getLastModifiedDate());
    return copy;
  }

  private static void addEntry(TarArchiveOutputStream tar, Path root, Path path) throws IOException {
    String name = root.relativize(path).toString().replace('\\', '/');
    TarArchiveEntry entry;
    if (Files.isSymbolicLink(path)) {
      entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(path).toString());
    } else {
      entry = new TarArchiveEntry(path.toFile(), name);
      entry.setMode(mode(path, entry.isDirectory()));
    }
    tar.putArchiveEntry(entry);
    if (hasContent(entry)) {
      Files.copy(path, tar);
    }
    tar.closeArchiveEntry();
  }

  /** Whether an entry carries bytes: a regular file (commons-compress calls a symlink a file too). */
  private static boolean hasContent(TarArchiveEntry entry) {
    return entry.isFile() && !entry.isSymbolicLink() && !entry.isLink();
  }

  private static int mode(Path path, boolean directory) throws IOException {
    int type = directory ? 040000 : 0100000;
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
      int bits = 0;
      for (PosixFilePermission permission : permissions) {
        bits |= 1 << (8 - permission.ordinal());
      }
      return type | bits;
    } catch (UnsupportedOperationException notPosix) {
      return type | (directory ? 0755 : 0644);
    }
  }

  private static TarArchiveOutputStream tarStream(OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    return tar;
  }

  private static Path tempFile() {
    try {
      Path file = Files.createTempFile("slipway-release-", ".tar.gz");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file: " + e.getMessage(), e);
    }
  }
}
