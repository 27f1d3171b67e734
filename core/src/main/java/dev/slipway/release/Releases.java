package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import dev.slipway.Batch;
import dev.slipway.Host;
import dev.slipway.event.EventListener;
import dev.slipway.release.deps.DependencyEnvironment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Release-based deploys under one {@code deployTo} path, Capistrano style but safer: every release
 * is assembled aside and renamed into {@code releases/} when complete, {@code current} is switched
 * with one {@code rename(2)}, a registry records each release's version and state, and several
 * hosts switch only when all of them are ready.
 *
 * <pre>{@code
 * Releases flask = Releases.at("/opt/flask-demo")
 *         .keep(5)
 *         .sharedDirs("venv")
 *         .source(GitSource.of(repo).ref("v2"))
 *         .after(Step.SYMLINK, (host, release) -> host.sudo().run("systemctl restart flask-demo"));
 * DeployReport report = flask.deploy(hosts);
 * flask.rollback(hosts);                 // to the previous good release
 * flask.rollbackTo(hosts, "v1");         // to a version or a release id
 * flask.releases(host);                  // ids, versions, states
 * }</pre>
 *
 * <p>Hosts are given as any {@code Iterable<Host>} (a list, the {@code Hosts} of a node) or as
 * varargs; reports list them in that order.
 *
 * <p>A {@code Releases} is an immutable value: every setting returns a new one, and one value can
 * deploy any number of times, from several threads.
 */
public final class Releases {
  // Package-private so that the runs in this package read them.
  final ReleaseLayout layout;
  final int keep;
  final int keepFailed;
  final List<String> sharedDirs;
  final List<String> sharedFiles;
  final Source source;
  final Map<Step, List<Hook>> before;
  final Map<Step, List<Hook>> after;
  final List<HealthCheck> healthChecks;
  final List<DependencyEnvironment> environments;
  final boolean removeRolledBack;
  final AfterSwitchFailure afterSwitchFailure;
  final Rollout rollout;
  final int parallelism;
  final Clock clock;
  final String deployedBy;
  final List<EventListener> listeners;
  final DataBackups backups;

  private Releases(Builder builder) {
    layout = builder.layout;
    keep = builder.keep;
    keepFailed = builder.keepFailed;
    sharedDirs = builder.sharedDirs;
    sharedFiles = builder.sharedFiles;
    source = builder.source;
    before = builder.before;
    after = builder.after;
    healthChecks = builder.healthChecks;
    environments = builder.environments;
    removeRolledBack = builder.removeRolledBack;
    afterSwitchFailure = builder.afterSwitchFailure;
    rollout = builder.rollout;
    parallelism = builder.parallelism;
    clock = builder.clock;
    deployedBy = builder.deployedBy;
    listeners = builder.listeners;
    backups = builder.backups;
  }

  /** This value with {@code change} applied to a builder of its settings. */
  private Releases copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new Releases(builder);
  }

  /**
   * Releases under {@code deployTo}, an absolute normalised directory other than {@code /}.
   *
   * @throws IllegalArgumentException for {@code /}, an empty or relative path, or one with {@code ..}
   */
  public static Releases at(String deployTo) {
    return new Releases(new Builder(ReleaseLayout.at(deployTo)));
  }

  /** Keeps {@code releases} good releases (default 5); the live one and the rollback target are always kept. */
  public Releases keep(int releases) {
    if (releases < 1) {
      throw new IllegalArgumentException("keep must be >= 1, was " + releases);
    }
    return copy(builder -> builder.keep = releases);
  }

  /** Keeps up to {@code releases} failed or rolled-back releases for inspection (default 2). */
  public Releases keepFailed(int releases) {
    if (releases < 0) {
      throw new IllegalArgumentException("keepFailed must be >= 0, was " + releases);
    }
    return copy(builder -> builder.keepFailed = releases);
  }

  /**
   * The directories under {@code shared/} linked into every release, replacing those set before;
   * created if missing, never deleted.
   */
  public Releases sharedDirs(String... relativePaths) {
    return copy(builder -> builder.sharedDirs = relativePaths(relativePaths));
  }

  /** Also links these directories under {@code shared/} into every release, after those set before. */
  public Releases addSharedDirs(String... relativePaths) {
    return copy(builder -> builder.sharedDirs = concat(sharedDirs, relativePaths(relativePaths)));
  }

  /**
   * The files under {@code shared/} linked into every release, replacing those set before; created
   * empty if missing, never deleted.
   */
  public Releases sharedFiles(String... relativePaths) {
    return copy(builder -> builder.sharedFiles = relativePaths(relativePaths));
  }

  /** Also links these files under {@code shared/} into every release, after those set before. */
  public Releases addSharedFiles(String... relativePaths) {
    return copy(builder -> builder.sharedFiles = concat(sharedFiles, relativePaths(relativePaths)));
  }

  /** Where the release's files come from; resolved once per deploy, before any host is touched. */
  public Releases source(Source newSource) {
    return copy(builder -> builder.source = requireNonNull(newSource, "source"));
  }

  /** Runs {@code hook} on each host before {@code step}. Hooks of one step run in the order added. */
  public Releases before(Step step, Hook hook) {
    return copy(builder -> builder.before = withHook(before, step, hook));
  }

  /** Runs {@code hook} on each host after {@code step}. */
  public Releases after(Step step, Hook hook) {
    return copy(builder -> builder.after = withHook(after, step, hook));
  }

  /** Checks each host once its new release is live; a failure switches it back. */
  public Releases healthCheck(HealthCheck check) {
    return copy(builder -> builder.healthChecks = concat(healthChecks, List.of(requireNonNull(check, "check"))));
  }

  /** Builds {@code environment} once per hash of its lock files and links it into every release. */
  public Releases dependencies(DependencyEnvironment environment) {
    return copy(builder -> builder.environments = concat(environments, List.of(environment.requireComplete())));
  }

  /** Removes a release as soon as it is rolled back from (Ansistrano's {@code remove_rolled_back}). */
  public Releases removeRolledBack() {
    return copy(builder -> builder.removeRolledBack = true);
  }

  /** What a multi-host deploy does when some hosts fail after the switch (default: roll all back). */
  public Releases onFailureAfterSwitch(AfterSwitchFailure policy) {
    return copy(builder -> builder.afterSwitchFailure = requireNonNull(policy, "policy"));
  }

  /** How many hosts change at a time (default: all at once, two-phase). */
  public Releases rollout(Rollout newRollout) {
    return copy(builder -> builder.rollout = requireNonNull(newRollout, "rollout"));
  }

  /** How many hosts are worked on at once (default 10). */
  public Releases parallelism(int hosts) {
    if (hosts < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + hosts);
    }
    return copy(builder -> builder.parallelism = hosts);
  }

  /** The clock release ids and records are taken from (tests use a fixed one). */
  public Releases clock(Clock newClock) {
    return copy(builder -> builder.clock = requireNonNull(newClock, "clock"));
  }

  /** Who is recorded as deploying (default {@code user@controller}). */
  public Releases deployedBy(String who) {
    return copy(builder -> builder.deployedBy = requireNonNull(who, "who"));
  }

  /** Also reports step events and every command's events to {@code listener}. */
  public Releases listener(EventListener listener) {
    return copy(builder -> builder.listeners = concat(listeners, List.of(requireNonNull(listener, "listener"))));
  }

  /** The paths this value deploys to. */
  public ReleaseLayout layout() {
    return layout;
  }

  /**
   * Also saves {@code data} on each host after the release is prepared and before any host
   * switches; a backup that fails stops the deploy there. Kept with the release, removed with it,
   * restored by {@link #rollback(Iterable, RestoreData)}.
   */
  public Releases addBackup(DataBackup data) {
    DataBackups more = backups.with(data);
    return copy(builder -> builder.backups = more);
  }

  /** When the service stops during an update: {@link UpdateOrder#zeroDowntime()} unless said otherwise. */
  public Releases updateOrder(UpdateOrder order) {
    DataBackups ordered = backups.withOrder(requireNonNull(order, "order"));
    return copy(builder -> builder.backups = ordered);
  }

  /**
   * Deploys a new release to {@code hosts}: all prepare, then all switch.
   *
   * <p>A hook, health check or source that throws fails its step on that host like any failure;
   * an {@code Error} (an {@code AssertionError}, say) is rethrown as it was once every host is
   * cleaned up, switched back and unlocked, with the {@link DeployFailedException} suppressed in it.
   *
   * @return what happened on every host
   * @throws DeployLockedException naming the holder ({@link DeployLockedException#holder()},
   *     {@link DeployLockedException#stale()}), when another run holds a host's lock and so no host
   *     began a release; with several hosts, the other hosts' errors are suppressed in it. A lock met
   *     by a later batch of a rolling deploy is a {@code DeployFailedException}, since earlier batches
   *     changed.
   * @throws DeployFailedException with the report, when the release did not go live as asked
   */
  public DeployReport deploy(Iterable<? extends Host> hosts) {
    if (source == null) {
      throw new ReleaseException("a source is required: call source(...) before deploy, e.g. "
          + "source(DirectorySource.of(Path.of(\"app\")).version(\"v1\"))");
    }
    return new DeployRun(this, requireHosts(hosts)).run();
  }

  /** Deploys a new release to {@code hosts}. */
  public DeployReport deploy(Host... hosts) {
    return deploy(Arrays.asList(hosts));
  }

  /**
   * Switches every host back to the newest good release older than its live one, marking the live
   * one rolled back. Repeated rollbacks keep walking back. An {@code Error} from a hook or health
   * check is rethrown after every host is unlocked, as for {@link #deploy(Iterable)}.
   *
   * @throws DeployLockedException changing nothing, when another run holds a host's lock
   * @throws ReleaseException changing nothing, when a host has no earlier good release
   * @throws DeployFailedException with the report, when a host did not switch or its check failed
   */
  public DeployReport rollback(Iterable<? extends Host> hosts) {
    return rollback(hosts, RestoreData.NO);
  }

  /**
   * Rolls {@code hosts} back to the previous good release; with {@link RestoreData#YES}, first puts
   * back the data saved when the live release was deployed.
   *
   * @throws ReleaseException changing nothing, when a host has no earlier good release or no such backup
   */
  public DeployReport rollback(Iterable<? extends Host> hosts, RestoreData restore) {
    return new RollbackRun(this, requireHosts(hosts), Optional.empty(), restore).run();
  }

  /** Rolls {@code hosts} back to the previous good release. */
  public DeployReport rollback(Host... hosts) {
    return rollback(Arrays.asList(hosts));
  }

  /**
   * Switches every host to the release with id {@code versionOrId}, or else to the newest release of
   * that version.
   *
   * @throws DeployLockedException changing nothing, when another run holds a host's lock
   * @throws ReleaseException changing nothing, when a host has no such release
   * @throws DeployFailedException with the report, when a host did not switch or its check failed
   */
  public DeployReport rollbackTo(Iterable<? extends Host> hosts, String versionOrId) {
    return rollbackTo(hosts, versionOrId, RestoreData.NO);
  }

  /**
   * Switches every host to the release {@code versionOrId}; with {@link RestoreData#YES}, first puts
   * back the data as it was when that release was live (the backup of the next deploy after it).
   */
  public DeployReport rollbackTo(Iterable<? extends Host> hosts, String versionOrId, RestoreData restore) {
    return new RollbackRun(this, requireHosts(hosts), Optional.of(versionOrId), restore).run();
  }

  /** Switches {@code host} to a release chosen by version or id. */
  public DeployReport rollbackTo(Host host, String versionOrId) {
    return rollbackTo(List.of(host), versionOrId);
  }

  /** The releases on {@code host}, newest first, with versions and states; the live one read from {@code current}. */
  public List<Release> releases(Host host) {
    return HostState.read(host, layout).releases();
  }

  /** Who holds the deploy lock on {@code host}, if anyone. */
  public Optional<LockHolder> lockHolder(Host host) {
    return DeployLock.holder(host, layout);
  }

  /**
   * Removes the deploy lock on {@code host}; only for a lock whose holder is gone. The history
   * records who broke it and whose it was.
   */
  public void breakLock(Host host) {
    if (!host.exists(layout.lock())) {
      return;
    }
    String whose = DeployLock.holder(host, layout).map(holder -> "held by " + holder.describe())
        .orElse("held by an unknown holder");
    HistoryEntry entry = new HistoryEntry(clock.instant(), HistoryEntry.Kind.BROKEN_LOCK, deployedBy,
        Optional.empty(), Optional.empty(), "", whose);
    host.apply(new Batch(List.of(History.append(layout, List.of(entry)), DeployLock.release(layout))));
  }

  /**
   * The history of {@code host}, oldest first: every deploy, rollback, failed attempt (one that
   * took the lock) and broken lock, with who, when and from which release to which.
   */
  public List<HistoryEntry> history(Host host) {
    return History.read(host, layout);
  }

  List<Hook> hooks(boolean beforeStep, Step step) {
    return (beforeStep ? before : after).getOrDefault(step, List.of());
  }

  private static List<Host> requireHosts(Iterable<? extends Host> hosts) {
    List<Host> list = new ArrayList<>();
    hosts.forEach(host -> list.add(requireNonNull(host, "host")));
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no hosts given: pass at least one host");
    }
    return list;
  }

  private static List<String> relativePaths(String... paths) {
    for (String path : paths) {
      if (path.isBlank() || path.startsWith("/") || path.endsWith("/") || Arrays.asList(path.split("/")).contains("..")) {
        throw new IllegalArgumentException("a shared path is relative to the release, without '..' or a trailing"
            + " '/', e.g. \"venv\" or \"config/app.ini\"; was: " + path);
      }
    }
    return List.of(paths);
  }

  private static <T> List<T> concat(List<T> first, List<T> more) {
    List<T> all = new ArrayList<>(first);
    all.addAll(more);
    return List.copyOf(all);
  }

  private static Map<Step, List<Hook>> withHook(Map<Step, List<Hook>> hooks, Step step, Hook hook) {
    Map<Step, List<Hook>> copy = new EnumMap<>(Step.class);
    copy.putAll(hooks);
    copy.put(requireNonNull(step, "step"), concat(hooks.getOrDefault(step, List.of()), List.of(requireNonNull(hook, "hook"))));
    return copy;
  }

  /** The settings of one {@code Releases} while a copy of it is being made. */
  private static final class Builder {
    private final ReleaseLayout layout;
    private int keep = 5;
    private int keepFailed = 2;
    private List<String> sharedDirs = List.of();
    private List<String> sharedFiles = List.of();
    private Source source;
    private Map<Step, List<Hook>> before = new EnumMap<>(Step.class);
    private Map<Step, List<Hook>> after = new EnumMap<>(Step.class);
    private List<HealthCheck> healthChecks = List.of();
    private List<DependencyEnvironment> environments = List.of();
    private boolean removeRolledBack;
    private AfterSwitchFailure afterSwitchFailure = AfterSwitchFailure.ROLL_BACK_ALL;
    private Rollout rollout = Rollout.allAtOnce();
    private int parallelism = 10;
    private Clock clock = Clock.systemUTC();
    private String deployedBy = System.getProperty("user.name", "unknown") + "@" + LockHolder.controllerName();
    private List<EventListener> listeners = List.of();
    private DataBackups backups = DataBackups.NONE;

    private Builder(ReleaseLayout layout) {
      this.layout = layout;
    }

    private Builder(Releases from) {
      layout = from.layout;
      keep = from.keep;
      keepFailed = from.keepFailed;
      sharedDirs = from.sharedDirs;
      sharedFiles = from.sharedFiles;
      source = from.source;
      before = from.before;
      after = from.after;
      healthChecks = from.healthChecks;
      environments = from.environments;
      removeRolledBack = from.removeRolledBack;
      afterSwitchFailure = from.afterSwitchFailure;
      rollout = from.rollout;
      parallelism = from.parallelism;
      clock = from.clock;
      deployedBy = from.deployedBy;
      listeners = from.listeners;
      backups = from.backups;
    }
  }
}
