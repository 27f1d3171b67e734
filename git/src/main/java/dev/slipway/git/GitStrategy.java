package dev.slipway.git;

/**
 * How a {@link GitSource} puts a commit's files on a host.
 *
 * <pre>{@code
 * GitSource.of(repo).ref("v2").strategy(GitStrategy.MIRROR)
 * }</pre>
 */
public enum GitStrategy {
  /**
   * The controller archives the commit with JGit and uploads it as one {@code tar.gz} stream; the
   * host needs no git, only {@code tar}. After a Slipway release, only changed files are sent.
   */
  ARCHIVE,

  /**
   * The host keeps a bare mirror of the repository under Slipway's state directory (Capistrano's
   * repo cache), fetches only what is new and exports the commit with {@code git archive}. The host
   * needs git and must reach the repository's URL (for a source made from a local path: the same
   * path on the host, which suits a local host only).
   */
  MIRROR
}
