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
 * A release made of a local directory's content, packed once and uploaded to every host:
 *
 * <pre>{@code
 * releases.source(DirectorySource.of(Path.of("app-src")).version("v2"));
 * }</pre>
 *
 * Without {@link #version(String)}, the version is the directory's name.
 */
public final class DirectorySource implements Source {
  private final Path directory;
  private final Optional<String> version;

  private DirectorySource(Path directory, Optional<String> version) {
    this.directory = requireNonNull(directory, "directory");
    this.version = version;
  }

  /** The content of {@code directory} (not the directory itself). */
  public static DirectorySource of(Path directory) {
    return new DirectorySource(directory, Optional.empty());
  }

  /** This source, recorded as {@code version} (e.g. {@code v2}). */
  public DirectorySource version(String newVersion) {
    return new DirectorySource(directory, Optional.of(Versions.check(newVersion)));
  }

  @Override
  public ResolvedSource resolve() {
    if (!Files.isDirectory(directory)) {
      throw new ReleaseException("source directory " + directory.toAbsolutePath() + " does not exist or is not a"
          + " directory; pass the directory that holds the application");
    }
    Path absolute = directory.toAbsolutePath().normalize();
    String name = version.orElse(String.valueOf(absolute.getFileName()));
    return new PackedRelease(name, "directory " + absolute, Map.of("source.directory", absolute.toString()),
        Archive.ofDirectory(absolute));
  }
}
