package dev.slipway.git;

import dev.slipway.Host;
import dev.slipway.release.InstallTarget;
import dev.slipway.release.ResolvedSource;
import dev.slipway.release.Source;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part of the release manager a source sees, for the git module's own tests: resolve first,
 * fill a staging directory, move it into {@code releases/}, switch {@code current}.
 */
final class TestReleases {
  private final String deployTo;
  private final AtomicInteger next = new AtomicInteger(1);

  TestReleases(String deployTo) {
    this.deployTo = deployTo;
  }

  /** Resolves {@code source}, installs it on {@code host} and switches {@code current}; returns the release. */
  String deploy(Host host, Source source) {
    ResolvedSource resolved = source.resolve();
    String id = String.format("202601010000%02d", next.getAndIncrement());
    String staging = deployTo + "/releases/." + id + ".staging";
    String release = deployTo + "/releases/" + id;
    host.mkdirs(staging);
    resolved.install(host, new InstallTarget(staging, currentRelease(host), deployTo + "/.slipway"));
    host.rename(staging, release);
    host.symlink(release, deployTo + "/current");
    return release;
  }

  /** Points {@code current} back at {@code release}. */
  void rollbackTo(Host host, String release) {
    host.symlink(release, deployTo + "/current");
  }

  Optional<String> currentRelease(Host host) {
    return host.readLink(deployTo + "/current");
  }
}
