package dev.slipway.git;

import static java.util.Objects.requireNonNull;

/**
 * What installing a git release on one host cost, kept by {@link ResolvedGitSource#installs()}.
 *
 * @param host the host's name
 * @param directory the release directory that was filled
 * @param strategy how the files got there
 * @param incremental whether unchanged files were copied from the previous release on the host
 * @param filesSent the files in the uploaded archive (0 for the mirror strategy)
 * @param filesCopied the files copied on the host from the previous release
 * @param bytesSent the size of the uploaded archive in bytes (0 for the mirror strategy)
 */
public record InstallReport(String host, String directory, GitStrategy strategy, boolean incremental,
                            int filesSent, int filesCopied, long bytesSent) {
  public InstallReport {
    requireNonNull(host, "host");
    requireNonNull(directory, "directory");
    requireNonNull(strategy, "strategy");
  }
}
