package dev.slipway.git;

import dev.slipway.Host;
import dev.slipway.Operation;
import dev.slipway.git.internal.ArchiveInstaller;
import dev.slipway.git.internal.Manifest;
import dev.slipway.git.internal.MirrorInstaller;
import dev.slipway.git.internal.RepositoryCache;
import dev.slipway.release.InstallTarget;
import dev.slipway.release.ResolvedSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GitSource} pinned to one commit, ready to be installed on any number of hosts, in
 * parallel. It records the ref, the commit and {@code git describe}, and keeps one
 * {@link InstallReport} per install (the bytes sent, the files copied):
 *
 * <pre>{@code
 * ResolvedGitSource v2 = GitSource.of(repo).ref("v2").resolve();
 * v2.version();      // "v2"
 * v2.metadata();     // {ref=refs/tags/v2, commit=3f2a9c1…, describe=v2}
 * }</pre>
 */
public final class ResolvedGitSource implements ResolvedSource {
  private static final Logger log = LoggerFactory.getLogger(ResolvedGitSource.class);

  private final String version;
  private final String refName;
  private final ObjectId commit;
  private final String describe;
  private final Manifest manifest;
  private final GitStrategy strategy;
  private final Path gitDir;
  private final GitSource source;
  private final List<InstallReport> installs = new CopyOnWriteArrayList<>();
  private final Map<Optional<String>, ArchiveInstaller.Delta> deltas = new ConcurrentHashMap<>();

  ResolvedGitSource(GitSource source, Path gitDir, String version, String refName, ObjectId commit,
                    String describe, Manifest manifest) {
    this.source = source;
    this.gitDir = gitDir;
    this.version = version;
    this.refName = refName;
    this.commit = commit.copy();
    this.describe = describe;
    this.manifest = manifest;
    this.strategy = source.installStrategy();
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Optional<String> commit() {
    return Optional.of(commit.name());
  }

  /** The full name of the ref that was resolved ({@code refs/tags/v2}), or the commit id. */
  public String refName() {
    return refName;
  }

  /** The number of files the release holds (after {@code export-ignore}). */
  public int fileCount() {
    return manifest.entries().size();
  }

  @Override
  public String describe() {
    return "git " + version + " (" + commit.abbreviate(7).name() + ")";
  }

  @Override
  public Map<String, String> metadata() {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("ref", refName);
    facts.put("commit", commit.name());
    facts.put("describe", describe);
    facts.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
    return facts;
  }

  /** The file at {@code relativePath} of the commit, read from the repository (after {@code export-ignore}). */
  @Override
  public Optional<byte[]> file(String relativePath) {
    Optional<Manifest.Entry> entry = manifest.entries().stream().filter(e -> e.path().equals(relativePath)).findFirst();
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try (Repository repository = RepositoryCache.open(gitDir)) {
      return Optional.of(repository.open(ObjectId.fromString(entry.get().blob())).getBytes());
    } catch (IOException e) {
      throw new GitSourceException("Cannot read " + relativePath + " of commit " + commit.name() + " in " + gitDir
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void install(Host host, InstallTarget target) {
    InstallReport report = strategy == GitStrategy.MIRROR
        ? new MirrorInstaller(source.mirrorUrl(), source.sshIdentity(), source.sshKnownHosts(), commit.name(), manifest)
            .install(host, target)
        : new ArchiveInstaller(gitDir, commit, manifest).install(host, target);
    installs.add(report);
    log.info("{}: installed {} into {} ({}: {} files sent, {} bytes, {} copied from the previous release)",
        host.name(), describe(), target.directory(), report.strategy(), report.filesSent(), report.bytesSent(),
        report.filesCopied());
  }

  /**
   * The archive install as operations of the release manager's batch (the mirror strategy has
   * none: it installs with {@link #install}). Incremental when the previous release's commit is in
   * the local repository: its manifest is computed here instead of read from the host. The archive
   * is built once per previous commit, for every host that had it.
   */
  @Override
  public Optional<List<Operation>> installOperations(InstallTarget target) {
    if (strategy == GitStrategy.MIRROR) {
      return Optional.empty();
    }
    Optional<String> previous = target.previousRelease().flatMap(dir -> target.previousCommit());
    ArchiveInstaller installer = new ArchiveInstaller(gitDir, commit, manifest);
    ArchiveInstaller.Delta delta = deltas.computeIfAbsent(previous, installer::delta);
    InstallReport report = ArchiveInstaller.report(target, delta);
    installs.add(report);
    log.info("{}: queued the install of {} into {} ({}: {} files sent, {} bytes, {} copied from the previous release)",
        target.host(), describe(), target.directory(), report.strategy(), report.filesSent(), report.bytesSent(),
        report.filesCopied());
    return Optional.of(installer.operations(target, delta));
  }

  /**
   * What each install so far cost, in the order they finished (or were queued, for
   * {@link #installOperations}: a queued install that failed and was redone by {@link #install}
   * has a report of each).
   */
  public List<InstallReport> installs() {
    return List.copyOf(installs);
  }

  @Override
  public String toString() {
    return describe();
  }
}
