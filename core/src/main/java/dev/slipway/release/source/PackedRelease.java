package dev.slipway.release.source;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.Operation;
import dev.slipway.release.InstallTarget;
import dev.slipway.release.ResolvedSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A resolved source whose files are packed in a checked archive on the controller. */
final class PackedRelease implements ResolvedSource {
  private final String version;
  private final String description;
  private final Map<String, String> metadata;
  private final Archive archive;

  PackedRelease(String version, String description, Map<String, String> metadata, Archive archive) {
    this.version = requireNonNull(version, "version");
    this.description = requireNonNull(description, "description");
    this.metadata = Map.copyOf(metadata);
    this.archive = requireNonNull(archive, "archive");
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public Optional<byte[]> file(String relativePath) {
    return archive.file(relativePath);
  }

  @Override
  public void install(Host host, InstallTarget target) {
    archive.install(host, target);
  }

  @Override
  public Optional<List<Operation>> installOperations(InstallTarget target) {
    return Optional.of(archive.operations(target));
  }
}
