package dev.slipway.git;

import dev.slipway.FileInfo;
import dev.slipway.FileOperationException;
import dev.slipway.spi.ExecRequest;
import dev.slipway.spi.ExecResult;
import dev.slipway.spi.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A transport onto this machine for the git module's tests: {@code /bin/sh} and java.nio. It counts
 * every call, so a test can prove that a failed resolve touched no host.
 */
final class ShellTransport implements Transport {
  private final AtomicInteger calls = new AtomicInteger();

  /** How many times anything was asked of this transport. */
  int calls() {
    return calls.get();
  }

  @Override
  public ExecResult exec(ExecRequest request) {
    calls.incrementAndGet();
    Instant start = Instant.now();
    try {
      Process process = new ProcessBuilder("/bin/sh", "-c", request.script()).start();
      CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(request.stdin());
      }
      int status = process.waitFor();
      return new ExecResult(status, new String(stdout.join(), StandardCharsets.UTF_8),
          new String(stderr.join(), StandardCharsets.UTF_8), Duration.between(start, Instant.now()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] read(String path) {
    return io(path, () -> Files.readAllBytes(Path.of(path)));
  }

  @Override
  public void write(String path, byte[] content, int mode) {
    upload(new java.io.ByteArrayInputStream(content), path, mode);
  }

  @Override
  public Optional<FileInfo> stat(String path) {
    return io(path, () -> {
      Path file = Path.of(path);
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      FileInfo.Type type = Files.isSymbolicLink(file) ? FileInfo.Type.SYMLINK
          : Files.isDirectory(file) ? FileInfo.Type.DIRECTORY : FileInfo.Type.FILE;
      return Optional.of(new FileInfo(path, type, Files.size(file), 0, Instant.now(), readLink(path)));
    });
  }

  @Override
  public List<FileInfo> list(String directory) {
    return io(directory, () -> {
      try (Stream<Path> entries = Files.list(Path.of(directory))) {
        return entries.sorted().map(p -> stat(p.toString()).orElseThrow()).toList();
      }
    });
  }

  @Override
  public void mkdirs(String path) {
    io(path, () -> Files.createDirectories(Path.of(path)));
  }

  @Override
  public void symlink(String target, String link) {
    io(link, () -> {
      Path temp = Path.of(link + ".tmp-link");
      Files.deleteIfExists(temp);
      Files.createSymbolicLink(temp, Path.of(target));
      return Files.move(temp, Path.of(link), StandardCopyOption.ATOMIC_MOVE);
    });
  }

  @Override
  public Optional<String> readLink(String path) {
    calls.incrementAndGet();
    Path file = Path.of(path);
    return io(path, () -> Files.isSymbolicLink(file)
        ? Optional.of(Files.readSymbolicLink(file).toString()) : Optional.<String>empty());
  }

  @Override
  public void rename(String from, String to) {
    io(from, () -> Files.move(Path.of(from), Path.of(to), StandardCopyOption.ATOMIC_MOVE));
  }

  @Override
  public void delete(String path) {
    io(path, () -> {
      Path root = Path.of(path);
      if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> tree = Files.walk(root)) {
          for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      return null;
    });
  }

  @Override
  public void upload(InputStream content, String path, int mode) {
    io(path, () -> {
      Path temp = Path.of(path + ".tmp-upload");
      Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(temp, permissions(mode));
      return Files.move(temp, Path.of(path), StandardCopyOption.ATOMIC_MOVE);
    });
  }

  @Override
  public void download(String path, OutputStream sink) {
    io(path, () -> Files.copy(Path.of(path), sink));
  }

  @Override
  public void close() {
  }

  private <T> T io(String path, IoAction<T> action) {
    calls.incrementAndGet();
    try {
      return action.run();
    } catch (IOException e) {
      throw new FileOperationException("local", path, e.toString(), e);
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values();
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }

  private static byte[] readAll(InputStream in) {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface IoAction<T> {
    T run() throws IOException;
  }
}
