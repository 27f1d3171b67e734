package dev.slipway.release;

/**
 * Where a release's files come from: a local directory, an archive, a URL with a checksum, a git
 * ref (the {@code git} module). A source is resolved once per deploy, on the controller, before any
 * host is touched, so that a missing tag or a wrong checksum fails before anything changes:
 *
 * <pre>{@code
 * Resolved v2 = GitSource.of(repo).ref("v2").resolve();   // throws at once if v2 does not exist
 * }</pre>
 */
@FunctionalInterface
public interface Source {

  /** Resolves this source to exactly what will be deployed; fails fast with a clear message. */
  ResolvedSource resolve();
}
