package dev.slipway.release;

import dev.slipway.CommandFailedException;
import dev.slipway.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The data backups of a {@link Releases} and its {@link UpdateOrder}: taken on each host after the
 * release is prepared and before any host switches, recorded in the registry with the release
 * ({@code backup} in its metadata), restored by a rollback that asks for it, removed with the release.
 */
record DataBackups(List<DataBackup> data, UpdateOrder order) {
  static final DataBackups NONE = new DataBackups(List.of(), UpdateOrder.zeroDowntime());
  private static final String KEY = "backup";

  DataBackups {
    data = List.copyOf(data);
  }

  DataBackups with(DataBackup backup) {
    if (data.stream().anyMatch(known -> known.name().equals(backup.name()))) {
      throw new IllegalArgumentException("two data backups named " + backup.name() + "; give the commands pair"
          + " another name");
    }
    List<DataBackup> all = new ArrayList<>(data);
    all.add(backup);
    return new DataBackups(all, order);
  }

  DataBackups withOrder(UpdateOrder newOrder) {
    return new DataBackups(data, newOrder);
  }

  /** Stops the service (stop-first order), then saves the data; the release as recorded, with where. */
  Release take(HostRun run, Release release, Optional<Release> live) {
    stop(run, live, "the data backup");
    if (data.isEmpty()) {
      return release;
    }
    run.flush();
    String directory = run.layout.shared("backups/" + release.id());
    run.queue(new Operation.Remove(directory), new Operation.Mkdirs(directory));
    data.forEach(backup -> run.queue(new Operation.Exec(backup.dumpInto(directory))));
    Release recorded = release.withMetadata(KEY, directory);
    run.state = run.state.with(recorded);
    run.queueRegistry();
    try {
      run.flush();
    } catch (CommandFailedException e) {
      throw new ReleaseException(run.host.name() + ": data backup failed, nothing was switched: " + e.summary(), e);
    }
    return recorded;
  }

  /** After a deploy that took (or began) a backup was abandoned: removes it and starts the service again. */
  void undo(HostRun run, Release release, Optional<Release> live) {
    if (!data.isEmpty()) {
      run.queue(new Operation.Remove(run.layout.shared("backups/" + release.id())));
    }
    if (order.stop().isPresent() && live.isPresent()) {
      run.hooks(run.plan.hooks(false, Step.SYMLINK), Step.SYMLINK, "after (restarting the old release)",
          live.get().withState(ReleaseState.LIVE));
    }
  }

  /** What removes the backup of a release that is removed. */
  static List<Operation> removal(Release release) {
    return Optional.ofNullable(release.metadata().get(KEY)).<Operation>map(Operation.Remove::new).stream().toList();
  }

  /**
   * The release whose deploy saved the data as it was when {@code target} was live: the oldest one
   * after {@code target}, up to {@code live}, that recorded a backup.
   */
  static Optional<Release> backupFor(HostState state, Release live, Release target) {
    return state.releases().stream()
        .filter(r -> r.id().compareTo(target.id()) > 0 && r.id().compareTo(live.id()) <= 0)
        .filter(r -> r.metadata().containsKey(KEY))
        .min(Comparator.comparing(Release::id));
  }

  /** Stops the service (stop-first order) and puts back the data saved by {@code deployed}'s deploy. */
  void restore(HostRun run, Release deployed, Release live) {
    stop(run, Optional.of(live), "restoring data");
    String directory = deployed.metadata().get(KEY);
    data.forEach(backup -> run.queue(new Operation.Exec(backup.restoreFrom(directory))));
    run.flush();
  }

  private void stop(HostRun run, Optional<Release> live, String before) {
    if (order.stop().isEmpty() || live.isEmpty()) {
      return;
    }
    run.flush();
    try {
      order.stop().get().run(run.host, live.get());
    } catch (Exception e) {
      throw new ReleaseException(run.host.name() + ": the stop hook failed before " + before + ": " + e.getMessage(), e);
    }
  }
}
