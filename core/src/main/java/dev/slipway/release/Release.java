package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One release on one host, as the registry records it and as hooks see it.
 *
 * @param id the release id, e.g. {@code 20251022090030}
 * @param version the version deployed, e.g. {@code v2}
 * @param source what it was built from, e.g. {@code directory app-src} or {@code git v2 (3f2a9c1)}
 * @param commit the commit id, when the source knows one
 * @param deployedBy who deployed it, e.g. {@code alice@laptop}
 * @param deployedAt when the deploy started
 * @param state where it stands; {@link ReleaseState#LIVE} exactly when {@code current} points at it
 * @param directory where its files are: {@code releases/<id>}, or the staging directory while it is
 *     being assembled, or {@code .slipway/failed/<id>} for one that failed before the switch
 * @param metadata extra facts: the source's metadata and the dependency environments it links
 */
public record Release(ReleaseId id, String version, String source, Optional<String> commit, String deployedBy,
                      Instant deployedAt, ReleaseState state, String directory, Map<String, String> metadata) {
  public Release {
    requireNonNull(id, "id");
    requireNonNull(version, "version");
    requireNonNull(source, "source");
    requireNonNull(commit, "commit");
    requireNonNull(deployedBy, "deployedBy");
    requireNonNull(deployedAt, "deployedAt");
    requireNonNull(state, "state");
    requireNonNull(directory, "directory");
    metadata = Map.copyOf(new TreeMap<>(metadata));
  }

  /** This release in {@code newState}. */
  public Release withState(ReleaseState newState) {
    return new Release(id, version, source, commit, deployedBy, deployedAt, newState, directory, metadata);
  }

  /** This release with its files at {@code newDirectory}. */
  public Release withDirectory(String newDirectory) {
    return new Release(id, version, source, commit, deployedBy, deployedAt, state, newDirectory, metadata);
  }

  /** This release with one more metadata entry. */
  public Release withMetadata(String key, String value) {
    var copy = new TreeMap<>(metadata);
    copy.put(key, value);
    return new Release(id, version, source, commit, deployedBy, deployedAt, state, directory, copy);
  }

  /** A line for listings: {@code 20251022090030  v2  live  alice@laptop  2025-10-22T09:00:30Z}. */
  public String describe() {
    return id + "  " + version + "  " + state.name().toLowerCase().replace('_', ' ') + "  " + deployedBy + "  "
        + deployedAt;
  }
}
