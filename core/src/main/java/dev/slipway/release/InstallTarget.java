package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where and with what help a source installs a release on one host.
 *
 * @param host the name of the host installed on, for what the source reports (it builds
 *     {@linkplain ResolvedSource#installOperations operations} without seeing the host)
 * @param directory the empty staging directory to fill (absolute)
 * @param previousRelease the live release's directory, when there is one, for incremental uploads
 * @param stateDirectory Slipway's own directory under {@code deployTo} (caches such as a git mirror)
 * @param previousCommit the commit the live release was made from, when its source knew one: a
 *     source can then tell on the controller what that release holds, without asking the host
 */
public record InstallTarget(String host, String directory, Optional<String> previousRelease,
                            String stateDirectory, Optional<String> previousCommit) {
  public InstallTarget {
    requireNonNull(host, "host");
    requireNonNull(directory, "directory");
    requireNonNull(previousRelease, "previousRelease");
    requireNonNull(stateDirectory, "stateDirectory");
    requireNonNull(previousCommit, "previousCommit");
  }

  /** A target whose previous release's commit is not known. */
  public InstallTarget(String host, String directory, Optional<String> previousRelease, String stateDirectory) {
    this(host, directory, previousRelease, stateDirectory, Optional.empty());
  }
}
