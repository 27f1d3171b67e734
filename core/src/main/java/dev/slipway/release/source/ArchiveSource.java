package dev.slipway.release.source;

import static java.util.Objects.requireNonNull;

import dev.slipway.release.ReleaseException;
import dev.slipway.release.ResolvedSource;
import dev.slipway.release.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A release made of a local archive ({@code .tar.gz}, {@code .tgz}, {@code .tar} or {@code .zip}),
 * checked for entries outside its root, and uploaded to every host:
 *
 * <pre>{@code
 * releases.source(ArchiveSource.of(Path.of("dist/app-v2.tar.gz")).stripComponents(1));
 * }</pre>
 *
 * Without {@link #version(String)}, the version is the file name without its extension
 * ({@code app-v2}).
 */
public final class ArchiveSource implements Source {
  private final Path archive;
  private final Optional<String> version;
  private final int strip;

  private ArchiveSource(Path archive, Optional<String> version, int strip) {
    this.archive = requireNonNull(archive, "archive");
    this.version = version;
    this.strip = strip;
  }

  /** The files of {@code archive}. */
  public static ArchiveSource of(Path archive) {
    return new ArchiveSource(archive, Optional.empty(), 0);
  }

  /** This source, recorded as {@code newVersion}. */
  public ArchiveSource version(String newVersion) {
    return new ArchiveSource(archive, Optional.of(Versions.check(newVersion)), strip);
  }

  /** This source without the first {@code count} path elements of each entry (a top-level directory). */
  public ArchiveSource stripComponents(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("stripComponents must be >= 0, was " + count);
    }
    return new ArchiveSource(archive, version, count);
  }

  @Override
  public ResolvedSource resolve() {
    if (!Files.isRegularFile(archive)) {
      throw new ReleaseException("archive " + archive.toAbsolutePath() + " does not exist or is not a file");
    }
    Path absolute = archive.toAbsolutePath().normalize();
    return new PackedRelease(version.orElse(Versions.fromFileName(absolute.getFileName().toString())),
        "archive " + absolute, Map.of("source.archive", absolute.toString(), "source.sha256", Versions.sha256(absolute)),
        Archive.ofArchive(absolute, strip));
  }
}
