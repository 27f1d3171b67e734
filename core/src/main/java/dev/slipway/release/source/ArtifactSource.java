package dev.slipway.release.source;

import static java.util.Objects.requireNonNull;

import dev.slipway.release.ReleaseException;
import dev.slipway.release.ResolvedSource;
import dev.slipway.release.Source;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One artifact of an {@link ArtifactStore}: its {@code latest} version, or the one given with
 * {@link #version(String)}. Resolving downloads it on the controller and checks its SHA-256
 * against its {@code .meta}, so a wrong checksum fails before any host is touched. The release
 * records the artifact, its checksum and the {@code .meta} entries ({@code artifact.<key>}).
 */
public final class ArtifactSource implements Source {
  private final ArtifactStore store;
  private final String path;
  private final String fileName;
  private final Optional<String> version;

  ArtifactSource(ArtifactStore store, String path, String fileName, Optional<String> version) {
    this.store = requireNonNull(store, "store");
    this.path = path;
    this.fileName = fileName;
    this.version = version;
  }

  /** This artifact at {@code newVersion} instead of {@code latest}. */
  public ArtifactSource version(String newVersion) {
    return new ArtifactSource(store, path, fileName, Optional.of(ArtifactStore.name(newVersion, "version")));
  }

  @Override
  public ResolvedSource resolve() {
    String chosen = version.orElseGet(() -> ArtifactStore.name(store.text(path + "/latest").trim(), "latest version"));
    Map<String, String> meta = ArtifactStore.parseMeta(store.text(path + "/" + chosen + ".meta"));
    String expected = Optional.ofNullable(meta.get(ArtifactStore.SHA256)).orElseThrow(() -> new ReleaseException(
        "the .meta of " + describe(chosen) + " records no sha256; nothing was deployed"));
    Path file = store.fetch(path + "/" + chosen, fileName);
    String actual = Versions.sha256(file);
    if (!actual.equals(expected)) {
      throw new ReleaseException("checksum mismatch for " + describe(chosen) + ": its .meta says sha256 " + expected
          + " but the artifact has " + actual + "; nothing was deployed");
    }
    Map<String, String> metadata = new TreeMap<>();
    meta.forEach((key, value) -> metadata.put("artifact." + key, value));
    metadata.put("source.artifact", store.location() + path + "/" + chosen);
    return new PackedRelease(chosen, "artifact " + path + " " + chosen, metadata, Archive.ofArchive(file, 0));
  }

  private String describe(String chosen) {
    return "artifact " + store.location() + path + "/" + chosen;
  }

  @Override
  public String toString() {
    return "ArtifactSource[" + path + version.map(v -> " " + v).orElse(" latest") + "]";
  }
}
