package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where and with what help a source installs a release on one host.
 *
 * @param directory the empty staging directory to fill (absolute)
 * @param previousRelease the live release's directory, when there is one, for incremental uploads
 * @param stateDirectory Slipway's own directory under {@code deployTo} (caches such as a git mirror)
 */
public record InstallTarget(String directory, Optional<String> previousRelease, String stateDirectory) {
  public InstallTarget {
    requireNonNull(directory, "directory");
    requireNonNull(previousRelease, "previousRelease");
    requireNonNull(stateDirectory, "stateDirectory");
  }
}
