package dev.slipway.release;

import dev.slipway.Batch;
import dev.slipway.FileInfo;
import dev.slipway.Host;
import dev.slipway.Operation;
import dev.slipway.release.deps.DependencyEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deploy steps on one host: assemble the release in staging, rename it into {@code releases/},
 * switch, check, clean up; and the two ways back (discard before the switch, switch back after).
 */
final class HostDeploy {
  private static final String ENV_KEY = "env.";

  final HostRun run;
  private final Host host;
  private final Releases plan;
  private final ReleaseLayout layout;
  private final List<String> environmentsBuilt = new ArrayList<>();
  private Release release;
  private ResolvedSource source;
  private Optional<Release> previous = Optional.empty();
  private boolean renamed;
  private boolean switched;
  private boolean switchSent;
  private boolean checked;
  private boolean cleanedInTrip;
  private boolean backupBegun;
  private HostState beforeSwitch;
  private HostState afterSwitch;

  HostDeploy(HostRun run) {
    this.run = run;
    this.host = run.host;
    this.plan = run.plan;
    this.layout = run.layout;
  }

  /** Takes the lock and creates the layout's directories in the same round trip. */
  void lock() {
    List<Operation> dirs = new ArrayList<>(List.of(
        new Operation.Mkdirs(layout.releases()), new Operation.Mkdirs(layout.shared()),
        new Operation.Mkdirs(layout.environments()), new Operation.Remove(layout.staging()),
        new Operation.Mkdirs(layout.next())));
    plan.sharedDirs.forEach(dir -> dirs.add(new Operation.Mkdirs(layout.shared(dir))));
    plan.sharedFiles.stream().filter(file -> file.contains("/"))
        .forEach(file -> dirs.add(new Operation.Mkdirs(parent(layout.shared(file)))));
    run.lock("deploy", dirs);
  }

  /** Setup, update-code, symlink-shared and prepare: a complete release in {@code releases/}, not live. */
  void prepare(ReleaseId id, ResolvedSource source) {
    if (run.state.ids().contains(id)) {
      throw new ReleaseException(host.name() + ": release " + id + " already exists in " + layout.releases()
          + "; deploy again in a second");
    }
    this.source = source;
    previous = run.state.liveRelease();
    release = new Release(id, source.version(), source.describe(), source.commit(), plan.deployedBy,
        plan.clock.instant(), ReleaseState.PREPARING, layout.next(), source.metadata());
    run.step(Step.SETUP, this::release, this::createMissingSharedFiles);
    run.step(Step.UPDATE_CODE, this::release, this::install);
    run.step(Step.SYMLINK_SHARED, this::release, this::linkShared);
    run.step(Step.PREPARE, this::release, this::linkEnvironments, () -> {
      release = release.withDirectory(layout.release(id));
      run.queue(new Operation.Rename(layout.next(), release.directory()));
      run.state = run.state.with(release);
      run.queueRegistry();
      run.barrier(() -> renamed = true);
    });
    backupBegun = true;
    release = plan.backups.take(run, release, previous);
  }

  /**
   * Queues the source's install when it is only operations, falling back to the source's own
   * install in an emptied staging directory if one fails; else sends what is queued and lets the
   * source install.
   */
  private void install() {
    InstallTarget target = new InstallTarget(host.name(), layout.next(),
        previous.filter(p -> !p.directory().isEmpty()).map(Release::directory), layout.state(),
        previous.flatMap(Release::commit));
    source.installOperations(target).ifPresentOrElse(ops -> run.queueWithFallback(ops, () -> {
      host.apply(Batch.of(new Operation.Remove(target.directory()), new Operation.Mkdirs(target.directory())));
      source.install(host, target);
    }), () -> {
      run.flush();
      source.install(host, target);
    });
  }

  private void createMissingSharedFiles() {
    for (String file : plan.sharedFiles) {
      if (!host.exists(layout.shared(file))) {
        run.queue(new Operation.WriteFile(layout.shared(file), "", 0644));
      }
    }
  }

  private void linkShared() {
    List<String> paths = new ArrayList<>(plan.sharedDirs);
    paths.addAll(plan.sharedFiles);
    paths.forEach(path -> link(layout.shared(path), path));
  }

  private void link(String target, String relativePath) {
    String inRelease = layout.next() + "/" + relativePath;
    run.queue(new Operation.Remove(inRelease));
    if (relativePath.contains("/")) {
      run.queue(new Operation.Mkdirs(parent(inRelease)));
    }
    run.queue(new Operation.Symlink(target, inRelease));
  }

  private void linkEnvironments() {
    for (DependencyEnvironment environment : plan.environments) {
      List<byte[]> lockFiles = new ArrayList<>();
      for (String file : environment.lockFilePaths()) {
        lockFile(environment, file).ifPresent(lockFiles::add);
      }
      if (lockFiles.size() < environment.lockFilePaths().size()) {
        run.unknown("dependency environment " + environment.name() + ": its lock files are on the host only after"
            + " the upload, and " + source.describe() + " cannot show them before");
        continue;
      }
      String key = environment.key(lockFiles);
      String published = layout.environments() + "/" + key;
      if (!host.exists(published)) {
        String built = published + "." + release.id();
        environmentsBuilt.add(built);
        run.queue(new Operation.Remove(built), new Operation.Mkdirs(built),
            new Operation.Exec(environment.buildCommand(built, layout.next())),
            new Operation.Symlink(built, published));
      }
      link(published, environment.name());
      release = release.withMetadata(ENV_KEY + environment.name(), key);
    }
  }

  /**
   * A lock file as the source on the controller shows it, so that nothing need be sent first; else
   * from the release on the host, once what is queued is sent (a dry run, which installs nothing, cannot).
   */
  private Optional<byte[]> lockFile(DependencyEnvironment environment, String file) {
    Optional<byte[]> onController = source.file(file);
    if (onController.isPresent() || host.context().dryRun()) {
      return onController;
    }
    run.flush();
    String path = layout.next() + "/" + file;
    if (host.exists(path)) {
      return Optional.of(host.read(path));
    }
    throw new ReleaseException(host.name() + ": lock file " + file + " of dependency environment "
        + environment.name() + " is not in the release (" + path + "); add it to the source or fix lockFiles(...)");
  }

  /**
   * Prepare, switch, check and, when the trim keeps what a switch back needs, clean up and unlock:
   * one round trip after the lock when every hook and health check is a command. For a host with
   * no other to wait for before the switch. A failure leaves the flags saying how far it got.
   */
  void deployAlone(ReleaseId id, ResolvedSource source) {
    run.oneTrip(true);
    try {
      prepare(id, source);
      switchOver();
      if (trimKeepsPrevious()) {
        cleanUpInTrip();
      } else {
        run.flush();
      }
    } finally {
      run.oneTrip(false);
    }
  }

  // Once the new release passed its checks, a failure in cleanup is one after the deploy, as in cleanup().
  private void cleanUpInTrip() {
    cleanedInTrip = true;
    try {
      run.step(Step.CLEANUP, this::release, this::queueCleanup);
      run.closeTrip(HistoryEntry.Kind.DEPLOY, previous, Optional.of(release));
    } catch (RuntimeException | Error e) {
      if (checked && run.locked()) {
        run.dropQueued();
        run.record(HistoryEntry.Kind.DEPLOY, previous, Optional.of(release), "");
        run.unlock();
      }
      throw e;
    }
  }

  private boolean trimKeepsPrevious() {
    List<Release> removed = run.state.toRemove(plan.keep, plan.keepFailed);
    return previous.filter(p -> removed.stream().anyMatch(r -> r.id().equals(p.id()))).isEmpty();
  }

  /** Symlink and deployed: switches {@code current} to the new release, then checks it. */
  void switchOver() {
    beforeSwitch = run.state;
    run.step(Step.SYMLINK, this::release, () -> {
      run.queue(new Operation.Symlink(release.directory(), layout.current()));
      run.state = run.state.switchedTo(Optional.of(release.id()), ReleaseState.PREVIOUS);
      afterSwitch = run.state;
      run.queueRegistry();
      switchSent = true;
      run.mark(() -> switched = true);
      release = release.withState(ReleaseState.LIVE);
    }, () -> run.barrier(() -> { }));
    run.step(Step.DEPLOYED, this::release, () -> run.checkHealth(release), () -> run.barrier(() -> checked = true));
  }

  /** Whether the new release is live and passed its checks (the deployed step went through on the host). */
  boolean checked() {
    return checked;
  }

  /** Whether {@link #deployAlone} cleaned up and released the lock, so that nothing is left to do. */
  boolean cleanedInTrip() {
    return cleanedInTrip;
  }

  /**
   * Whether {@code current} may point at the new release: it was switched, or the switch was sent
   * and its outcome is unknown (a lost connection) and {@code current} says so or cannot be read.
   */
  boolean maybeSwitched() {
    if (switched || !switchSent) {
      return switched;
    }
    try {
      return host.readLink(layout.current()).filter(release.directory()::equals).isPresent();
    } catch (RuntimeException unreadable) {
      return true;
    }
  }

  /**
   * Points {@code current} back at the previous release (or removes it after a first deploy),
   * marks the new release failed, and runs the after-symlink hooks for the previous release so
   * that services restart on it.
   */
  void switchBack() {
    run.dropQueued();
    Optional<ReleaseId> back = previous.map(Release::id);
    run.queue(previous.<Operation>map(p -> new Operation.Symlink(p.directory(), layout.current()))
        .orElse(new Operation.Remove(layout.current())));
    run.state = afterSwitch.switchedTo(back, ReleaseState.FAILED);
    run.queueRegistry();
    run.mark(() -> switched = false);
    List<Hook> hooks = plan.hooks(false, Step.SYMLINK);
    if (previous.isEmpty() || hooks.isEmpty()) {
      run.flush();
      return;
    }
    Instant start = Instant.now();
    try {
      run.hooks(hooks, Step.SYMLINK, "after (switching back)", previous.get().withState(ReleaseState.LIVE));
      run.flush();
    } finally {
      run.switchBackHooks(Duration.between(start, Instant.now()));
    }
  }

  /**
   * Undoes this deploy before the switch and releases the lock. A host that failed here keeps its
   * tree for inspection in {@code .slipway/failed/<id>}, recorded as failed and trimmed to
   * {@code keepFailed} at once; a host discarded for another's failure leaves no trace. Does
   * nothing without the lock: what is there belongs to whoever holds it.
   */
  void discard(boolean failedHere) {
    if (!run.locked()) {
      return;
    }
    run.dropQueued();
    if (beforeSwitch != null) {
      run.state = beforeSwitch;
    }
    String tree = renamed ? release.directory() : layout.next();
    boolean keep = failedHere && release != null && plan.keepFailed > 0;
    if (keep) {
      release = release.withDirectory(layout.failed(release.id())).withState(ReleaseState.FAILED);
      run.queue(new Operation.Mkdirs(layout.failed()), new Operation.Rename(tree, release.directory()));
    } else {
      run.queue(new Operation.Remove(tree));
    }
    run.queue(new Operation.Remove(layout.staging()));
    removeEnvironmentsBuilt();
    if (release != null) {
      run.record(HistoryEntry.Kind.FAILED_DEPLOY, previous, Optional.of(release),
          failedHere ? run.failure() : "discarded: another host failed before the switch");
      run.state = keep ? run.state.with(release) : run.state.without(List.of(release));
      trim();
      run.queueRegistry();
    }
    if (backupBegun) {
      plan.backups.undo(run, release, previous);
    }
    run.unlock();
  }

  private void removeEnvironmentsBuilt() {
    for (String built : environmentsBuilt) {
      String published = built.substring(0, built.lastIndexOf('.'));
      if (!host.readLink(published).filter(built::equals).isPresent()) {
        run.queue(new Operation.Remove(built));
      }
    }
  }

  /** Removes old releases and unused environments, then releases the lock. */
  void cleanup() {
    run.record(switched ? HistoryEntry.Kind.DEPLOY : HistoryEntry.Kind.FAILED_DEPLOY, previous, Optional.of(release),
        switched ? "" : "switched back, " + run.failure());
    try {
      run.step(Step.CLEANUP, this::release, this::queueCleanup);
    } catch (RuntimeException | Error e) {
      run.dropQueued();
      run.unlock();
      throw e;
    }
    run.unlock();
  }

  private void queueCleanup() {
    trim();
    removeUnusedEnvironments();
    run.queueRegistry();
    run.queue(new Operation.Remove(layout.staging()));
  }

  /** Removes good releases beyond {@code keep} and failed ones beyond {@code keepFailed}. */
  private void trim() {
    List<Release> removed = run.state.toRemove(plan.keep, plan.keepFailed);
    removed.forEach(old -> run.queue(new Operation.Remove(old.directory())));
    removed.forEach(old -> DataBackups.removal(old).forEach(run::queue));
    run.state = run.state.without(removed);
  }

  private void removeUnusedEnvironments() {
    Set<String> used = run.state.releases().stream()
        .flatMap(r -> r.metadata().entrySet().stream())
        .filter(e -> e.getKey().startsWith(ENV_KEY)).map(e -> e.getValue()).collect(Collectors.toSet());
    List<FileInfo> entries = host.exists(layout.environments()) ? host.list(layout.environments()) : List.of();
    for (FileInfo entry : entries) {
      String name = entry.name();
      String key = entry.isSymlink() ? name : name.substring(0, Math.max(0, name.lastIndexOf('.')));
      boolean published = entry.isSymlink() || entries.stream().anyMatch(link -> link.isSymlink()
          && link.name().equals(key) && link.linkTarget().filter(t -> t.endsWith("/" + name)).isPresent());
      if (!used.contains(key) || !published) {
        run.queue(new Operation.Remove(layout.environments() + "/" + name));
      }
    }
  }

  Release release() {
    return release;
  }

  private static String parent(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }
}
