package dev.slipway.release;

import dev.slipway.Batch;
import dev.slipway.BatchFailedException;
import dev.slipway.BatchTimeoutException;
import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.Operation;
import dev.slipway.SlipwayException;
import dev.slipway.event.EventListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's part of a deploy or rollback: its steps, its lock, its registry, and the record of
 * what happened. Operations of consecutive steps are queued and sent together when something must
 * see their effect (a hook that is not a command, a source, a read), so a deploy costs few round
 * trips; in {@linkplain #oneTrip one trip} the ends of phases do not send either. A step's end is
 * published once the operations it queued were sent; a failed batch fails the step that sent the
 * failed operation, found from its index (see {@link QueuedOps}), and one that stopped where no
 * index says fails no step of it, only the step running when it was sent.
 */
final class HostRun {
  private static final Logger log = LoggerFactory.getLogger(Releases.class);

  final Host host;
  final Releases plan;
  final ReleaseLayout layout;
  private final StepEvents events;
  private final QueuedOps queued = new QueuedOps();
  private final List<Throwable> errors = new ArrayList<>();
  private final List<HistoryEntry> history = new ArrayList<>();
  private final List<String> unknown = new ArrayList<>();
  private Duration switchBackHooks;
  private final HostLock lock;
  private boolean oneTrip;
  private Optional<Step> current = Optional.empty();
  private Optional<Step> stoppedIn = Optional.empty();
  private Throwable reported;
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
    this.events = new StepEvents(plan.listeners);
    this.lock = new HostLock(this.host, layout);
  }

  /**
   * Takes the lock, creating the base directories and whatever else {@code more} holds in the same
   * round trip, then reads the host's state.
   */
  void lock(String action, List<Operation> more) {
    lock.take(plan.clock, action, more);
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
    current = Optional.of(step);
    events.add(event(step, release, StepEvent.Status.STARTED, Duration.ZERO), false);
    try {
      hooks(plan.hooks(true, step), step, "before", release.get());
      body.run();
      hooks(plan.hooks(false, step), step, "after", release.get());
      completion.run();
      end(step, release, start, StepEvent.Status.SUCCEEDED);
    } catch (RuntimeException | Error e) {
      if (e != reported) {
        failedIn = failedIn == null ? step : failedIn;
        end(step, release, start, StepEvent.Status.FAILED);
      }
      throw e;
    } finally {
      current = Optional.empty();
    }
  }

  private void end(Step step, Supplier<Release> release, Instant start, StepEvent.Status status) {
    events.add(event(step, release, status, Duration.between(start, Instant.now())), !queued.isEmpty());
  }

  private StepEvent event(Step step, Supplier<Release> release, StepEvent.Status status, Duration took) {
    return new StepEvent(host.name(), Instant.now(), release.get().id(), step, status, took);
  }

  /**
   * Runs {@code hooks} for {@code release}: a hook that is one command is queued in the step's
   * batch; any other runs once the queued operations are sent, so that it sees them.
   */
  void hooks(List<Hook> hooks, Step step, String when, Release release) {
    for (Hook hook : hooks) {
      queueOrRun(hook.asCommand(host, release), host.name() + ": " + when + " " + step.hookName() + " hook failed: ",
          () -> hook.run(host, release));
    }
  }

  /**
   * Runs the health checks for {@code release}, which is live (a check that is one command is
   * queued); a dry run switched nothing, so cannot know.
   */
  void checkHealth(Release release) {
    if (host.context().dryRun()) {
      if (!plan.healthChecks.isEmpty()) {
        unknown("health check of " + release.id() + " (" + release.version() + "): not run, nothing was switched");
      }
      return;
    }
    for (HealthCheck check : plan.healthChecks) {
      queueOrRun(check.asCommand(host, release), host.name() + ": health check failed for release " + release.id()
          + " (" + release.version() + "): ", () -> check.check(host, release));
    }
  }

  // User code that is one command is queued; any other runs once the queued operations are sent, so that it sees them.
  private void queueOrRun(Optional<Command> command, String failed, UserCode code) {
    if (command.filter(HostRun::batchable).isPresent()) {
      queueCommand(command.get(), failed);
      return;
    }
    flush();
    try {
      code.run();
    } catch (Throwable e) {
      // An Error too fails only this step; the run rethrows it once the host is cleaned up and unlocked.
      throw new ReleaseException(failed + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface UserCode {
    void run() throws Exception;
  }

  // A command carrying secrets, input or a terminal runs on its own; in a batch it could not.
  private static boolean batchable(Command command) {
    return command.secrets().isEmpty() && command.stdin().isEmpty() && !command.pty();
  }

  // A part of its own, so that its failure fails the current step, saying why as its last stderr line does.
  private void queueCommand(Command command, String failed) {
    // A batch runs each command in a subshell of its own: an exit in it ends the command, not the batch.
    queued.add(new Operation.Exec(command), e -> new ReleaseException(failed + why(e), e));
    queued.mark(current, () -> { });
  }

  // The last line a failed command wrote to stderr; a late one's timeout, as it reads when the command runs alone.
  private static String why(SlipwayException failure) {
    if (!(failure instanceof BatchFailedException failed)) {
      return HostReport.oneLine(failure);
    }
    return failed.stderr().lines().filter(line -> !line.isBlank()).reduce((first, second) -> second)
        .map(String::strip).orElse("exit status " + failed.exitStatus());
  }

  /** Queues operations for the next round trip. */
  void queue(Operation... ops) {
    List.of(ops).forEach(queued::add);
  }

  /**
   * Queues {@code group}; if one of its operations fails, {@code fallback} runs instead of the
   * group, and the operations queued after it are sent once it returned.
   */
  void queueWithFallback(List<Operation> group, Runnable fallback) {
    queued.addWithFallback(group, fallback);
  }

  /** Queues a registry write of the current state, replacing one queued since the last mark. */
  void queueRegistry() {
    queued.removeSinceMark(op -> op instanceof Operation.WriteFile w && w.path().equals(layout.registry()));
    queue(new Operation.WriteFile(layout.registry(), state.registryText(layout), 0644));
  }

  /** Whether the ends of phases send what is queued ({@code false}, the default) or only mark it. */
  void oneTrip(boolean deferred) {
    oneTrip = deferred;
  }

  /** Ends a phase: {@code ran} once what is queued has run; sent now unless in one trip. */
  void barrier(Runnable ran) {
    queued.mark(current, ran);
    if (!oneTrip) {
      flush();
    }
  }

  /** Marks the end of what is queued so far, without sending: {@code ran} once it has run. */
  void mark(Runnable ran) {
    queued.mark(current, ran);
  }

  /** Sends the queued operations as one batch. */
  void flush() {
    try {
      lock.require();
    } catch (ReleaseException notHeld) {
      queued.clear();
      throw notHeld;
    }
    QueuedOps.Taken taken = queued.take(current);
    stoppedIn = Optional.empty();
    try {
      if (!taken.batch().isEmpty()) {
        host.apply(taken.batch());
      }
    } catch (BatchFailedException failed) {
      stoppedAt(taken, failed.index(), failed);
      return;
    } catch (BatchTimeoutException late) {
      stoppedAt(taken, late.index(), late);
      return;
    } catch (CommandFailedException somewhere) {
      throw stoppedSomewhere(taken, somewhere);
    } catch (RuntimeException lost) {
      // The reply was lost, perhaps not the batch.
      if (!lock.ranDespiteLostReply(taken.batch())) {
        throw stoppedSomewhere(taken, lost);
      }
      log.warn("{}: the reply of the last round trip was lost, but it ran: the lock is released", host.name(), lost);
    }
    taken.ranBetween(-1, taken.batch().operations().size());
    events.publishHeld();
  }

  // The batch stopped at operation `index`: what came before it ran; the step that sent it fails, or its fallback runs.
  private void stoppedAt(QueuedOps.Taken taken, int index, SlipwayException failure) {
    taken.ranBetween(-1, index);
    if (taken.fallbacks().get(index).isEmpty()) {
      throw stopped(taken.stepOf(index), taken.explain(index, failure));
    }
    fallBack(taken, index, failure);
  }

  // A group with a fallback failed: the fallback does its work, then the rest of the batch goes.
  private void fallBack(QueuedOps.Taken taken, int index, SlipwayException failure) {
    int rest = taken.afterGroup(index);
    log.info("{}: {}; doing it otherwise", host.name(), HostReport.oneLine(failure));
    try {
      taken.fallbacks().get(index).orElseThrow().run();
    } catch (RuntimeException e) {
      throw stopped(taken.stepOf(index), e);
    }
    taken.ranBetween(index, rest);
    queued.requeue(taken, rest);
    flush();
  }

  /**
   * The batch stopped where nobody can tell (an error with no operation's index, a reply lost
   * before the batch ended): no step of it is blamed. The step running, if any, fails as a step
   * fails; the ends of the steps it holds are dropped, since how they went on the host is unknown.
   * The way back follows if it held steps.
   */
  private RuntimeException stoppedSomewhere(QueuedOps.Taken taken, RuntimeException error) {
    stoppedIn = taken.firstStep();
    events.dropHeldEnds();
    return error;
  }

  // A batch stopped in `step`: the held events go out up to that step's failure.
  private RuntimeException stopped(Optional<Step> step, RuntimeException error) {
    stoppedIn = step;
    if (step.isPresent() && events.publishHeldFailing(step.get())) {
      failedIn = failedIn == null ? step.get() : failedIn;
      reported = error;
    }
    return error;
  }

  /** Drops queued operations that a failure made pointless; the steps that queued them are reported. */
  void dropQueued() {
    queued.clear();
    events.publishHeld();
  }

  /**
   * Sends the queued operations and releases the lock in the same round trip, appending what was
   * recorded to the history; the history is written and the lock released even if the queued
   * operations fail.
   */
  void unlock() {
    if (!lock.held()) {
      return;
    }
    try {
      queueClosing();
      flush();
    } catch (RuntimeException | Error e) {
      closeAgain();
      throw e;
    }
  }

  /**
   * Sends the queued operations, a run of {@code kind} from {@code from} to {@code to} in the
   * history and the lock's release, as a run's last round trip. When the batch stops in a step,
   * the run is not recorded and the lock is kept, for the way back; a failure after the steps is
   * handled as {@link #unlock} does.
   */
  void closeTrip(HistoryEntry.Kind kind, Optional<Release> from, Optional<Release> to) {
    record(kind, from, to, "");
    try {
      queueClosing();
      flush();
    } catch (RuntimeException | Error e) {
      if (lock.held() && stoppedIn.isPresent()) {
        history.remove(history.size() - 1);
        throw e;
      }
      closeAgain();
      throw e;
    }
  }

  private void queueClosing() {
    closing().forEach(queued::add);
    queued.mark(Optional.empty(), () -> {
      history.clear();
      lock.released();
    });
  }

  private void closeAgain() {
    try {
      if (lock.surelyHeld()) {
        dropQueued();
        host.apply(new Batch(closing()));
      }
    } finally {
      lock.released();
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
    return lock.held();
  }

  HostReport report(HostReport.Outcome outcome) {
    events.publishHeld();
    return new HostReport(host.name(), outcome, state == null ? Optional.empty() : state.live(),
        Optional.ofNullable(failedIn), events.timings(), errors, Optional.ofNullable(switchBackHooks), unknown);
  }
}
