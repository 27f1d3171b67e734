package dev.slipway.release;

import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.event.EventListener;
import dev.slipway.Batch;
import dev.slipway.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's part of a deploy or rollback: its steps, its lock, its registry, and the record of
 * what happened. Operations of consecutive steps are queued and sent together when something must
 * see their effect (a hook, a source, a read), so a deploy without hooks costs few round trips.
 */
final class HostRun {
  private static final Logger log = LoggerFactory.getLogger(Releases.class);

  final Host host;
  final Releases plan;
  final ReleaseLayout layout;
  private final Map<Step, Duration> timings = new LinkedHashMap<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final List<Operation> pending = new ArrayList<>();
  private final List<HistoryEntry> history = new ArrayList<>();
  private final List<String> unknown = new ArrayList<>();
  private Duration switchBackHooks;
  private LockHolder holder;
  private boolean locked;
  private Step failedIn;
  HostState state;

  HostRun(Releases plan, Host host) {
    Host withListeners = host;
    for (EventListener listener : plan.listeners) {
      withListeners = withListeners.withListener(listener);
    }
    this.host = withListeners;
    this.plan = plan;
    this.layout = plan.layout;
  }

  /**
   * Takes the lock, creating the base directories and whatever else {@code more} holds in the same
   * round trip, then reads the host's state.
   */
  void lock(String action, List<Operation> more) {
    holder = LockHolder.thisProcess(plan.clock, action);
    List<Operation> ops = new ArrayList<>(DeployLock.acquire(layout, holder));
    ops.addAll(more);
    try {
      host.apply(new Batch(ops));
    } catch (CommandFailedException e) {
      throw DeployLock.explain(host, layout, holder, e);
    } catch (RuntimeException lost) {
      // The batch may have run though its reply was lost: a lock that is ours must be released on the way out.
      locked = DeployLock.heldBy(host, layout, holder);
      throw lost;
    }
    locked = true;
    state = HostState.read(host, layout);
  }

  /**
   * Runs {@code step}: its before hooks, {@code body}, its after hooks, reporting events and timing.
   * Hooks get the release as it stands when they run (its directory and state change during steps).
   */
  void step(Step step, Supplier<Release> release, Runnable body) {
    step(step, release, body, () -> { });
  }

  /** Runs {@code step} as above, then {@code completion}, which belongs to the step but comes after its hooks. */
  void step(Step step, Supplier<Release> release, Runnable body, Runnable completion) {
    Instant start = Instant.now();
    emit(new StepEvent(host.name(), start, release.get().id(), step, StepEvent.Status.STARTED, Duration.ZERO));
    try {
      hooks(plan.hooks(true, step), step, "before", release.get());
      body.run();
      hooks(plan.hooks(false, step), step, "after", release.get());
      completion.run();
      finish(step, release, start, StepEvent.Status.SUCCEEDED);
    } catch (RuntimeException | Error e) {
      if (failedIn == null) {
        failedIn = step;
      }
      finish(step, release, start, StepEvent.Status.FAILED);
      throw e;
    }
  }

  /** Runs {@code hooks} for {@code release}, sending queued operations first so hooks see them. */
  void hooks(List<Hook> hooks, Step step, String when, Release release) {
    if (hooks.isEmpty()) {
      return;
    }
    flush();
    for (Hook hook : hooks) {
      try {
        hook.run(host, release);
      } catch (Throwable e) {
        // An Error too fails only this step; the run rethrows it once the host is cleaned up and unlocked.
        throw new ReleaseException(host.name() + ": " + when + " " + step.hookName() + " hook failed: "
            + e.getMessage(), e);
      }
    }
  }

  /** Runs the health checks for {@code release}, which is live; a dry run switched nothing, so cannot know. */
  void checkHealth(Release release) {
    if (host.context().dryRun()) {
      if (!plan.healthChecks.isEmpty()) {
        unknown("health check of " + release.id() + " (" + release.version() + "): not run, nothing was switched");
      }
      return;
    }
    for (HealthCheck check : plan.healthChecks) {
      try {
        check.check(host, release);
      } catch (Throwable e) {
        throw new ReleaseException(host.name() + ": health check failed for release " + release.id() + " ("
            + release.version() + "): " + e.getMessage(), e);
      }
    }
  }

  private void finish(Step step, Supplier<Release> release, Instant start, StepEvent.Status status) {
    Duration took = Duration.between(start, Instant.now());
    log.debug("{}: {} {} for release {} in {} ms", host.name(), step.hookName(), status.name().toLowerCase(),
        release.get().id(), took.toMillis());
    timings.merge(step, took, Duration::plus);
    emit(new StepEvent(host.name(), Instant.now(), release.get().id(), step, status, took));
  }

  private void emit(StepEvent event) {
    plan.listeners.forEach(listener -> listener.on(event));
  }

  /** Queues operations for the next round trip. */
  void queue(Operation... ops) {
    pending.addAll(List.of(ops));
  }

  /** Queues a registry write of the current state. */
  void queueRegistry() {
    pending.removeIf(op -> op instanceof Operation.WriteFile w && w.path().equals(layout.registry()));
    queue(new Operation.WriteFile(layout.registry(), state.registryText(layout), 0644));
  }

  /** Sends the queued operations as one batch. */
  void flush() {
    if (!pending.isEmpty()) {
      Batch batch = new Batch(pending);
      pending.clear();
      host.apply(batch);
    }
  }

  /** Drops queued operations that a failure made pointless. */
  void dropQueued() {
    pending.clear();
  }

  /**
   * Sends the queued operations and releases the lock in the same round trip, appending what was
   * recorded to the history; the history is written and the lock released even if the queued
   * operations fail.
   */
  void unlock() {
    if (!locked) {
      return;
    }
    try {
      queue(closing().toArray(Operation[]::new));
      flush();
    } catch (RuntimeException | Error e) {
      dropQueued();
      host.apply(new Batch(closing()));
      throw e;
    } finally {
      locked = false;
    }
  }

  private List<Operation> closing() {
    return history.isEmpty() ? List.of(DeployLock.release(layout))
        : List.of(History.append(layout, history), DeployLock.release(layout));
  }

  /** Records a run of {@code kind} from {@code from} to {@code to} in the history, written with the unlock. */
  void record(HistoryEntry.Kind kind, Optional<Release> from, Optional<Release> to, String detail) {
    history.add(new HistoryEntry(plan.clock.instant(), kind, plan.deployedBy, from.map(Release::id),
        to.map(Release::id), to.map(Release::version).orElse(""), detail));
  }

  /** Why this host failed, in one line: {@code failed in deployed: HTTP 500}. */
  String failure() {
    return (failedIn == null ? "failed" : "failed in " + failedIn.hookName())
        + (errors.isEmpty() ? "" : ": " + HostReport.oneLine(errors.get(0)));
  }

  /** Records how long the after-symlink hooks took when a switch back re-ran them. */
  void switchBackHooks(Duration took) {
    switchBackHooks = took;
  }

  /** Records something a dry run cannot know, for the report. */
  void unknown(String what) {
    log.info("{}: dry run, unknown: {}", host.name(), what);
    unknown.add(what);
  }

  /** How a run that went through ends: {@code reached}, or {@link HostReport.Outcome#DRY_RUN} for a dry run. */
  HostReport.Outcome success(HostReport.Outcome reached) {
    return host.context().dryRun() ? HostReport.Outcome.DRY_RUN : reached;
  }

  /** Records {@code error}; the first recorded is the cause, later ones are consequences. */
  void fail(Throwable error) {
    errors.add(error);
  }

  boolean failed() {
    return !errors.isEmpty();
  }

  boolean locked() {
    return locked;
  }

  HostReport report(HostReport.Outcome outcome) {
    return new HostReport(host.name(), outcome, state == null ? Optional.empty() : state.live(),
        Optional.ofNullable(failedIn), timings, errors, Optional.ofNullable(switchBackHooks), unknown);
  }
}
