package dev.slipway.release;

import dev.slipway.Host;
import dev.slipway.Operation;
import dev.slipway.release.HostReport.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A rollback on many hosts: lock all, choose each host's target from its own registry, and switch
 * only if every host has one, so an impossible rollback changes nothing anywhere.
 */
final class RollbackRun {
  private final Releases plan;
  private final List<HostRun> hosts = new ArrayList<>();
  private final Optional<String> versionOrId;
  private final RestoreData restore;
  private final Map<HostRun, Release> targets = new ConcurrentHashMap<>();
  private final Map<HostRun, Outcome> outcomes = new ConcurrentHashMap<>();

  RollbackRun(Releases plan, List<? extends Host> hosts, Optional<String> versionOrId, RestoreData restore) {
    this.plan = plan;
    this.versionOrId = versionOrId;
    this.restore = restore;
    hosts.forEach(host -> this.hosts.add(new HostRun(plan, host)));
  }

  DeployReport run() {
    Instant start = Instant.now();
    String action = "rollback" + versionOrId.map(t -> " to " + t).orElse("");
    Parallel.each(hosts, plan.parallelism, host -> attempt(host, () -> {
      host.lock(action, List.of());
      targets.put(host, target(host));
    }));
    List<HostRun> failed = hosts.stream().filter(HostRun::failed).toList();
    if (!failed.isEmpty()) {
      hosts.forEach(host -> attempt(host, host::unlock));
      List<Throwable> errors = failed.stream().map(host -> host.report(Outcome.FAILED).errors().get(0)).toList();
      RunFailure.rethrowError(errors, () -> unchanged(action, failed));
      RunFailure.refusal(errors).ifPresent(refused -> {
        throw refused;
      });
      throw unchanged(action, failed);
    }
    Parallel.each(hosts, plan.parallelism, this::rollBack);
    Release first = targets.get(hosts.get(0));
    DeployReport report = new DeployReport(Optional.of(first.id()), first.version(),
        hosts.stream().map(host -> host.report(outcomes.get(host))).toList(), Duration.between(start, Instant.now()));
    RunFailure.rethrowError(RunFailure.errors(report.hosts()), () -> new DeployFailedException(action, report));
    if (!report.succeeded()) {
      throw new DeployFailedException(action, report);
    }
    return report;
  }

  // The switch and what follows it end with the unlock; a host stopped on the way still holds its lock.
  private void rollBack(HostRun host) {
    Optional<Release> from = host.state.liveRelease();
    Release target = targets.get(host);
    attempt(host, () -> {
      switchTo(host, target);
      host.closeTrip(HistoryEntry.Kind.ROLLBACK, from, Optional.of(target));
    });
    // As for deploys, the switch decides the outcome; a failed unlock is reported among the errors.
    boolean stopped = host.locked();
    outcomes.put(host, stopped ? Outcome.FAILED : host.success(Outcome.ROLLED_BACK_TO));
    if (stopped) {
      host.record(HistoryEntry.Kind.FAILED_ROLLBACK, from, Optional.of(target), host.failure());
      attempt(host, host::unlock);
    }
  }

  private Release target(HostRun host) {
    HostState state = host.state;
    Release live = state.liveRelease().orElseThrow(() -> new ReleaseException(host.host.name() + ": nothing is live ("
        + plan.layout.current() + " does not point at a release); deploy first"));
    Release target = versionOrId.map(wanted -> state.find(wanted).orElseThrow(() -> new ReleaseException(
            host.host.name() + ": no release " + wanted + " in " + plan.layout.releases() + "; releases: "
                + available(state))))
        .orElseGet(() -> state.rollbackTarget().orElseThrow(() -> new ReleaseException(host.host.name()
            + ": no good release older than the live " + live.id() + " (" + live.version() + ") to roll back to;"
            + " releases: " + available(state))));
    if (target.id().equals(live.id())) {
      throw new ReleaseException(host.host.name() + ": " + target.id() + " (" + target.version() + ") is already live");
    }
    if (target.state() == ReleaseState.FAILED || target.state() == ReleaseState.PREPARING) {
      throw new ReleaseException(host.host.name() + ": release " + target.id() + " (" + target.version() + ") is "
          + target.state().name().toLowerCase() + " and cannot go live; choose another: " + available(state));
    }
    if (!host.host.exists(target.directory())) {
      throw new ReleaseException(host.host.name() + ": release " + target.id() + " is recorded but its directory "
          + target.directory() + " is gone; choose another: " + available(state));
    }
    if (restore == RestoreData.YES && DataBackups.backupFor(state, live, target).isEmpty()) {
      throw new ReleaseException(host.host.name() + ": no data backup was taken by the deploys after " + target.id()
          + " (" + target.version() + ") up to the live " + live.id() + "; roll back without restoring data");
    }
    return target;
  }

  private static String available(HostState state) {
    return state.releases().isEmpty() ? "none"
        : state.releases().stream().map(r -> r.id() + " " + r.version() + " " + r.state().name().toLowerCase())
            .collect(Collectors.joining(", "));
  }

  // Queued without a flush: with the history and the unlock, one trip when hooks and checks are commands.
  private void switchTo(HostRun host, Release target) {
    Release from = host.state.liveRelease().orElseThrow();
    ReleaseState fromState = target.id().compareTo(from.id()) > 0 ? ReleaseState.PREVIOUS : ReleaseState.ROLLED_BACK;
    Release live = target.withState(ReleaseState.LIVE);
    if (restore == RestoreData.YES) {
      plan.backups.restore(host, DataBackups.backupFor(host.state, from, target).orElseThrow(), from);
    }
    host.step(Step.SYMLINK, () -> live, () -> {
      host.queue(new Operation.Symlink(target.directory(), plan.layout.current()));
      host.state = host.state.switchedTo(Optional.of(target.id()), fromState);
      if (plan.removeRolledBack && fromState == ReleaseState.ROLLED_BACK && !from.directory().isEmpty()) {
        host.queue(new Operation.Remove(from.directory()));
        DataBackups.removal(from).forEach(host::queue);
        host.state = host.state.without(List.of(from));
      }
      host.queueRegistry();
      host.mark(() -> { });
    });
    host.step(Step.DEPLOYED, () -> live, () -> host.checkHealth(live));
  }

  private static void attempt(HostRun host, Runnable part) {
    try {
      part.run();
    } catch (RuntimeException | Error e) {
      host.fail(e);
    }
  }

  private static ReleaseException unchanged(String action, List<HostRun> failed) {
    Throwable first = failed.get(0).report(Outcome.FAILED).errors().get(0);
    if (failed.size() == 1 && first instanceof ReleaseException single) {
      return single;
    }
    String why = failed.stream().map(host -> host.report(Outcome.FAILED).errors().get(0).getMessage())
        .collect(Collectors.joining("\n  "));
    return new ReleaseException(action + " changed nothing, because:\n  " + why, first);
  }
}
