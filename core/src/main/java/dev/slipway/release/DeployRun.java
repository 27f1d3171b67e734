package dev.slipway.release;

import dev.slipway.Host;
import dev.slipway.release.HostReport.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deploy to many hosts, batch by batch. Within a batch it is two-phase: every host prepares a
 * complete release; only if all succeeded does any host switch. The source is resolved and the
 * release id chosen once, so every host gets the same release.
 */
final class DeployRun {
  private static final Logger log = LoggerFactory.getLogger(Releases.class);

  private final Releases plan;
  private final List<HostDeploy> hosts = new ArrayList<>();
  private final Map<HostDeploy, Outcome> outcomes = new ConcurrentHashMap<>();
  private ReleaseId id;

  DeployRun(Releases plan, List<? extends Host> hosts) {
    this.plan = plan;
    hosts.forEach(host -> this.hosts.add(new HostDeploy(new HostRun(plan, host))));
  }

  DeployReport run() {
    Instant start = Instant.now();
    ResolvedSource source = plan.source.resolve();
    int failed = 0;
    for (List<HostDeploy> batch : plan.rollout.batches(hosts)) {
      if (plan.rollout.exceeded(failed, hosts.size())) {
        batch.forEach(host -> outcomes.put(host, Outcome.SKIPPED));
        continue;
      }
      deployBatch(batch, source);
      failed += (int) batch.stream().filter(host -> !outcomes.get(host).succeeded()).count();
    }
    releaseLeftoverLocks();
    List<HostReport> reports = hosts.stream().map(host -> host.run.report(outcomes.get(host))).toList();
    DeployReport report = new DeployReport(Optional.ofNullable(id), source.version(), reports,
        Duration.between(start, Instant.now()));
    log.info("deploy {}", report.describe());
    List<Throwable> errors = RunFailure.errors(reports);
    RunFailure.rethrowError(errors, () -> failure(report));
    if (id == null) {
      // No host prepared anything: a lock held elsewhere is the whole story.
      RunFailure.refusal(errors).ifPresent(refused -> {
        throw refused;
      });
    }
    if (!report.succeeded() && (plan.rollout.exceeded(failed, hosts.size()) || failed == hosts.size())) {
      throw failure(report);
    }
    return report;
  }

  private void deployBatch(List<HostDeploy> batch, ResolvedSource source) {
    if (batch.size() == 1) {
      deployAlone(batch.get(0), source);
      return;
    }
    Parallel.each(batch, plan.parallelism, host -> attempt(host, host::lock));
    if (batch.stream().noneMatch(host -> host.run.failed())) {
      chooseId(batch);
      Parallel.each(batch, plan.parallelism, host -> attempt(host, () -> host.prepare(id, source)));
    }
    if (batch.stream().anyMatch(host -> host.run.failed())) {
      Parallel.each(batch, plan.parallelism, host -> {
        outcomes.put(host, host.run.failed() ? Outcome.FAILED : Outcome.DISCARDED);
        attempt(host, () -> host.discard(host.run.failed()));
      });
      return;
    }
    Parallel.each(batch, plan.parallelism, host -> attempt(host, host::switchOver));
    boolean anyFailed = batch.stream().anyMatch(host -> host.run.failed());
    Parallel.each(batch, plan.parallelism, host -> {
      boolean back = host.run.failed() || anyFailed && plan.afterSwitchFailure == AfterSwitchFailure.ROLL_BACK_ALL;
      if (!back) {
        outcomes.put(host, host.run.success(Outcome.DEPLOYED));
        attempt(host, host::cleanup);
      } else {
        goBack(host);
      }
    });
  }

  // With no other host to wait for at the barrier before the switch, the whole deploy is one trip.
  private void deployAlone(HostDeploy host, ResolvedSource source) {
    attempt(host, host::lock);
    if (!host.run.failed()) {
      chooseId(List.of(host));
      attempt(host, () -> host.deployAlone(id, source));
    }
    if (!host.checked()) {
      goBack(host);
      return;
    }
    outcomes.put(host, host.run.success(Outcome.DEPLOYED));
    if (!host.cleanedInTrip()) {
      attempt(host, host::cleanup);
    }
  }

  private void goBack(HostDeploy host) {
    if (host.maybeSwitched()) {
      outcomes.put(host, Outcome.SWITCHED_BACK);
      attempt(host, host::switchBack);
      attempt(host, host::cleanup);
    } else {
      outcomes.put(host, Outcome.FAILED);
      attempt(host, () -> host.discard(true));
    }
  }

  private void chooseId(List<HostDeploy> batch) {
    if (id == null) {
      List<ReleaseId> taken = batch.stream().flatMap(host -> host.run.state.ids().stream()).toList();
      id = ReleaseId.at(plan.clock, taken);
    }
  }

  /** Runs one host's part, recording a failure and, if the lock is still held, releasing it. */
  private static void attempt(HostDeploy host, Runnable part) {
    try {
      part.run();
    } catch (RuntimeException | Error e) {
      host.run.fail(e);
    }
  }

  private void releaseLeftoverLocks() {
    hosts.stream().filter(host -> host.run.locked()).forEach(host -> attempt(host, host.run::unlock));
  }

  private static DeployFailedException failure(DeployReport report) {
    DeployFailedException failure = new DeployFailedException("deploy of " + report.version(), report);
    report.failures().stream().flatMap(h -> h.errors().stream()).findFirst().ifPresent(failure::initCause);
    return failure;
  }
}
