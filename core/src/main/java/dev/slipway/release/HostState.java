package dev.slipway.release;

import dev.slipway.FileOperationException;
import dev.slipway.Host;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one host's {@code deployTo} holds: the live release, read from the {@code current} link
 * itself, and the registry. States are reconciled with {@code current}: the release it points at
 * is live whatever the registry says, and a release recorded live that {@code current} no longer
 * points at counts as previous.
 *
 * @param live the release {@code current} points at, if any
 * @param recorded the registry's releases as written
 */
record HostState(Optional<ReleaseId> live, List<Release> recorded) {
  HostState {
    recorded = List.copyOf(recorded);
  }

  /** Reads {@code current} and the registry: two file reads (SFTP requests over SSH), no command. */
  static HostState read(Host host, ReleaseLayout layout) {
    Optional<ReleaseId> live = host.readLink(layout.current()).map(HostState::releaseIdOf);
    return new HostState(live, Registry.parse(registryText(host, layout), layout));
  }

  private static String registryText(Host host, ReleaseLayout layout) {
    try {
      return host.readString(layout.registry());
    } catch (FileOperationException e) {
      if (host.exists(layout.registry())) {
        throw e;
      }
      return "";
    }
  }

  private static ReleaseId releaseIdOf(String linkTarget) {
    String name = linkTarget.substring(linkTarget.lastIndexOf('/') + 1);
    return ReleaseId.isValid(name) ? new ReleaseId(name) : null;
  }

  /** The releases, newest first, with states reconciled with {@code current}. */
  List<Release> releases() {
    List<Release> all = new ArrayList<>();
    for (Release release : recorded) {
      boolean isLive = live.filter(release.id()::equals).isPresent();
      if (isLive) {
        all.add(release.withState(ReleaseState.LIVE));
      } else if (release.state() == ReleaseState.LIVE) {
        all.add(release.withState(ReleaseState.PREVIOUS));
      } else {
        all.add(release);
      }
    }
    live.filter(id -> recorded.stream().noneMatch(r -> r.id().equals(id))).ifPresent(id ->
        all.add(new Release(id, "unknown", "not recorded by Slipway", Optional.empty(), "unknown", Instant.EPOCH,
            ReleaseState.LIVE, "", Map.of())));
    all.sort(Comparator.comparing(Release::id).reversed());
    return all;
  }

  /** The live release, as recorded. */
  Optional<Release> liveRelease() {
    return releases().stream().filter(r -> r.state() == ReleaseState.LIVE).findFirst();
  }

  /** The newest good release older than the live one: where {@code rollback()} goes. */
  Optional<Release> rollbackTarget() {
    Optional<ReleaseId> from = live;
    return releases().stream()
        .filter(r -> r.state() == ReleaseState.PREVIOUS)
        .filter(r -> from.map(l -> r.id().compareTo(l) < 0).orElse(true))
        .findFirst();
  }

  /** The release with id {@code versionOrId}, else the newest good (then rolled-back) release of that version. */
  Optional<Release> find(String versionOrId) {
    List<Release> all = releases();
    Optional<Release> byId = all.stream().filter(r -> r.id().value().equals(versionOrId)).findFirst();
    if (byId.isPresent()) {
      return byId;
    }
    Optional<Release> good = all.stream().filter(r -> r.version().equals(versionOrId) && r.state().good()).findFirst();
    return good.isPresent() ? good
        : all.stream().filter(r -> r.version().equals(versionOrId) && r.state() == ReleaseState.ROLLED_BACK).findFirst();
  }

  /** This state with {@code release} recorded (replacing the entry of the same id). */
  HostState with(Release release) {
    List<Release> copy = new ArrayList<>(recorded);
    copy.removeIf(r -> r.id().equals(release.id()));
    copy.add(release);
    return new HostState(live, copy);
  }

  /** This state without the releases in {@code removed}. */
  HostState without(List<Release> removed) {
    List<Release> copy = new ArrayList<>(recorded);
    copy.removeIf(r -> removed.stream().anyMatch(gone -> gone.id().equals(r.id())));
    return new HostState(live, copy);
  }

  /** This state with {@code current} pointing at {@code id}: the old live release becomes {@code oldLiveState}. */
  HostState switchedTo(Optional<ReleaseId> id, ReleaseState oldLiveState) {
    HostState state = this;
    for (Release release : releases()) {
      if (release.state() == ReleaseState.LIVE && !release.directory().isEmpty()) {
        state = state.with(release.withState(oldLiveState));
      }
    }
    HostState switched = new HostState(id, state.recorded);
    return id.flatMap(newLive -> switched.recorded.stream().filter(r -> r.id().equals(newLive)).findFirst())
        .map(r -> switched.with(r.withState(ReleaseState.LIVE))).orElse(switched);
  }

  /** The registry text for this state, with states reconciled. */
  String registryText(ReleaseLayout layout) {
    return Registry.format(releases().stream().filter(r -> !r.directory().isEmpty()).toList(), layout);
  }

  /** Every release id recorded, so a new id can avoid them. */
  List<ReleaseId> ids() {
    return releases().stream().map(Release::id).toList();
  }

  /**
   * The releases cleanup removes: good releases beyond the newest {@code keep}, and failed, rolled
   * back or abandoned ones beyond the newest {@code keepFailed}. Never the live release nor the
   * rollback target, so a run of failed deploys cannot push out the last good release.
   */
  List<Release> toRemove(int keep, int keepFailed) {
    Optional<Release> target = rollbackTarget();
    List<Release> remove = new ArrayList<>();
    int good = 0;
    int bad = 0;
    for (Release release : releases()) {
      boolean protectedRelease = release.state() == ReleaseState.LIVE || release.directory().isEmpty()
          || target.filter(t -> t.id().equals(release.id())).isPresent();
      boolean kept = release.state().good() ? good++ < keep : bad++ < keepFailed;
      if (!kept && !protectedRelease) {
        remove.add(release);
      }
    }
    return remove;
  }
}
