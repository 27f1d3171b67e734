package dev.slipway.git;

import static java.util.Objects.requireNonNull;

import dev.slipway.git.internal.ExternalSsh;
import dev.slipway.git.internal.Manifest;
import dev.slipway.git.internal.RefResolver;
import dev.slipway.git.internal.ReleaseTree;
import dev.slipway.git.internal.RepositoryCache;
import dev.slipway.release.Source;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.URIish;

/**
 * A release's files taken from a git tag, branch or commit. The ref is resolved with JGit on the
 * controller before any host is touched; a missing ref fails at once with the nearest names:
 *
 * <pre>{@code
 * Releases.at("/opt/flask-demo").source(GitSource.of(Path.of("app-src")).ref("v2"));
 * GitSource.of("ssh://git@git.example.com/app.git").ref("main")
 *     .identity(Path.of("deploy_key")).strategy(GitStrategy.MIRROR);
 * }</pre>
 *
 * <p>A remote URL ({@code file://}, {@code ssh://}, {@code user@host:path}) is fetched into a bare
 * cache under {@code ~/.cache/slipway/git} first, over the system's {@code ssh} with strict host-key
 * checking. The version defaults to the tag asked for (or one pointing at the commit), else
 * {@code git describe}. Instances are immutable; every method returns a copy. Making or copying a
 * source reads nothing: only {@link #resolve()} opens the repository (once), so that a recipe can
 * hold its source for a rollback, a listing or a status without the repository being there.
 */
public final class GitSource implements Source {
  private final Optional<Path> directory;
  private final Optional<String> url;
  private final String ref;
  private final Optional<String> version;
  private final GitStrategy strategy;
  private final Optional<Path> identity;
  private final Optional<Path> knownHosts;
  private final Path cacheDirectory;

  private GitSource(Builder builder) {
    directory = builder.directory;
    url = builder.url;
    ref = builder.ref;
    version = builder.version;
    strategy = builder.strategy;
    identity = builder.identity;
    knownHosts = builder.knownHosts;
    cacheDirectory = builder.cacheDirectory;
  }

  /** The repository in a local directory (a work tree or a bare repository), at {@code HEAD}. */
  public static GitSource of(Path repository) {
    Builder builder = new Builder();
    builder.directory = Optional.of(repository.toAbsolutePath().normalize());
    return new GitSource(builder);
  }

  /** The repository at {@code url} ({@code ssh://}, {@code file://}, scp-like, or a local path). */
  public static GitSource of(String url) {
    requireNonNull(url, "url");
    if (isLocalPath(url)) {
      return of(Path.of(url));
    }
    Builder builder = new Builder();
    builder.url = Optional.of(url);
    return new GitSource(builder);
  }

  /** The tag, branch or commit id (full or abbreviated) to deploy. */
  public GitSource ref(String ref) {
    requireNonNull(ref, "ref");
    return copy(builder -> builder.ref = ref);
  }

  /** The version recorded for the release, instead of the tag or {@code git describe}. */
  public GitSource version(String version) {
    requireNonNull(version, "version");
    return copy(builder -> builder.version = Optional.of(version));
  }

  /** How the files reach the host; {@link GitStrategy#ARCHIVE} unless told otherwise. */
  public GitSource strategy(GitStrategy strategy) {
    requireNonNull(strategy, "strategy");
    return copy(builder -> builder.strategy = strategy);
  }

  /** The private key that fetches a private repository over SSH (on the controller and, for a mirror, the host). */
  public GitSource identity(Path privateKey) {
    requireNonNull(privateKey, "privateKey");
    return copy(builder -> builder.identity = Optional.of(privateKey));
  }

  /**
   * The known_hosts file that the repository server's host key is checked against, on the controller
   * and (uploaded next to the key, removed afterwards) on the host for a mirror. Without it, each
   * side checks against its user's own {@code ~/.ssh/known_hosts}; an unknown key always fails.
   */
  public GitSource knownHosts(Path file) {
    requireNonNull(file, "file");
    return copy(builder -> builder.knownHosts = Optional.of(file));
  }

  /** Where remote repositories are cached on the controller; {@code ~/.cache/slipway/git} by default. */
  public GitSource cacheDirectory(Path directory) {
    requireNonNull(directory, "directory");
    return copy(builder -> builder.cacheDirectory = directory);
  }

  /** This source with {@code change} applied to a builder of its settings. */
  private GitSource copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new GitSource(builder);
  }

  @Override
  public ResolvedGitSource resolve() {
    try (Repository repository = open()) {
      String where = url.orElseGet(() -> directory.orElseThrow().toString());
      RefResolver.Resolution found = RefResolver.resolve(repository, ref, where);
      Manifest manifest = ReleaseTree.manifest(repository, found.commit());
      return new ResolvedGitSource(this, repository.getDirectory().toPath(),
          version.or(found::tag).orElse(found.describe()), found.refName(), found.commit(), found.describe(), manifest);
    }
  }

  GitStrategy installStrategy() {
    return strategy;
  }

  Optional<Path> sshIdentity() {
    return identity;
  }

  Optional<Path> sshKnownHosts() {
    return knownHosts;
  }

  /** The URL a host's mirror clones from: the URL given, or the local repository's path. */
  String mirrorUrl() {
    return url.orElseGet(() -> directory.orElseThrow().toString());
  }

  private Repository open() {
    if (directory.isPresent()) {
      return RepositoryCache.open(directory.get());
    }
    return RepositoryCache.fetch(url.orElseThrow(), cacheDirectory, new ExternalSsh(identity, knownHosts));
  }

  @Override
  public String toString() {
    return "GitSource[" + mirrorUrl() + " " + ref + ", " + strategy + "]";
  }

  private static boolean isLocalPath(String url) {
    try {
      URIish uri = new URIish(url);
      return uri.getScheme() == null && uri.getHost() == null;
    } catch (URISyntaxException e) {
      return true;
    }
  }

  /** The settings of one {@code GitSource} while it, or a copy of it, is being made. */
  private static final class Builder {
    private Optional<Path> directory = Optional.empty();
    private Optional<String> url = Optional.empty();
    private String ref = "HEAD";
    private Optional<String> version = Optional.empty();
    private GitStrategy strategy = GitStrategy.ARCHIVE;
    private Optional<Path> identity = Optional.empty();
    private Optional<Path> knownHosts = Optional.empty();
    private Path cacheDirectory = Path.of(System.getProperty("user.home"), ".cache", "slipway", "git");

    private Builder() {
    }

    private Builder(GitSource from) {
      directory = from.directory;
      url = from.url;
      ref = from.ref;
      version = from.version;
      strategy = from.strategy;
      identity = from.identity;
      knownHosts = from.knownHosts;
      cacheDirectory = from.cacheDirectory;
    }
  }
}
