package dev.slipway.git;

import dev.slipway.Batch;
import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.release.InstallTarget;
import dev.slipway.release.ResolvedSource;
import dev.slipway.release.Source;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part of the release manager a source sees, for the git module's own tests: resolve first,
 * fill a staging directory, move it into {@code releases/}, switch {@code current}.
 */
final class TestReleases {
  private final String deployTo;
  private final boolean inBatches;
  private final AtomicInteger next = new AtomicInteger(1);
  private final Map<String, String> commits = new ConcurrentHashMap<>();

  TestReleases(String deployTo) {
    this(deployTo, false);
  }

  private TestReleases(String deployTo, boolean inBatches) {
    this.deployTo = deployTo;
    this.inBatches = inBatches;
  }

  /**
   * Releases under {@code deployTo} that install as the release manager does: the source's install
   * operations in one batch, told the previous release's commit; if the batch fails, the staging
   * directory is emptied and the source installs on its own.
   */
  static TestReleases inBatches(String deployTo) {
    return new TestReleases(deployTo, true);
  }

  /** Resolves {@code source}, installs it on {@code host} and switches {@code current}; returns the release. */
  String deploy(Host host, Source source) {
    ResolvedSource resolved = source.resolve();
    String id = String.format("202601010000%02d", next.getAndIncrement());
    String staging = deployTo + "/releases/." + id + ".staging";
    String release = deployTo + "/releases/" + id;
    Optional<String> previous = currentRelease(host);
    host.mkdirs(staging);
    install(host, resolved, new InstallTarget(host.name(), staging, previous, deployTo + "/.slipway", previous.map(commits::get)));
    host.rename(staging, release);
    host.symlink(release, deployTo + "/current");
    resolved.commit().ifPresent(commit -> commits.put(release, commit));
    return release;
  }

  private void install(Host host, ResolvedSource resolved, InstallTarget target) {
    if (!inBatches) {
      resolved.install(host, target);
      return;
    }
    try {
      host.apply(new Batch(resolved.installOperations(target).orElseThrow()));
    } catch (CommandFailedException e) {
      host.delete(target.directory());
      host.mkdirs(target.directory());
      resolved.install(host, target);
    }
  }

  /** Points {@code current} back at {@code release}. */
  void rollbackTo(Host host, String release) {
    host.symlink(release, deployTo + "/current");
  }

  Optional<String> currentRelease(Host host) {
    return host.readLink(deployTo + "/current");
  }
}
