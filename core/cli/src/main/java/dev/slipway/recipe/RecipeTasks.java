package dev.slipway.recipe;

import dev.slipway.Host;
import dev.slipway.provision.ProvisionReport;
import dev.slipway.provision.Provisioning;
import dev.slipway.provision.ResourceReport;
import dev.slipway.provision.ResourceReport.Outcome;
import dev.slipway.release.HistoryEntry;
import dev.slipway.release.RestoreData;
import dev.slipway.release.DeployReport;
import dev.slipway.release.HostReport;
import dev.slipway.release.LockHolder;
import dev.slipway.release.Release;
import dev.slipway.release.ReleaseState;
import dev.slipway.release.Releases;
import dev.slipway.service.Service;
import dev.slipway.service.ServiceStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard commands of a recipe on the hosts of a {@link Session}, each printing a result per
 * host and returning its {@link ExitStatus}; what they find is typed ({@link HostStatus},
 * {@link Problem}, {@link Release}) before it is printed.
 */
final class RecipeTasks {
  private final Session session;

  RecipeTasks(Session session) {
    this.session = session;
  }

  int deploy(Optional<String> ref) {
    Releases releases = session.releases().source(session.recipe.source(ref));
    return switched("deploy", releases.deploy(session.hosts()));
  }

  int rollback(Optional<String> versionOrId, RestoreData restore) {
    Releases releases = session.releases();
    DeployReport report = versionOrId.isPresent() ? releases.rollbackTo(session.hosts(), versionOrId.get(), restore)
        : releases.rollback(session.hosts(), restore);
    return switched("rollback", report);
  }

  int provision(List<String> layers) {
    Provisioning plan = session.recipe.provisioning.orElseThrow(() ->
        new RecipeUsageException("this recipe has nothing to provision (no provisioning(..) in the recipe)"));
    ProvisionReport report = (layers.isEmpty() ? plan : plan.select(layers.toArray(String[]::new)))
        .apply(session.hosts());
    for (ResourceReport resource : report.resources()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("layer", resource.layer());
      fields.put("resource", resource.resource());
      fields.put("outcome", resource.outcome().word());
      String diff = resource.diff().map(text -> "\n" + text.stripTrailing()).orElse("");
      session.printer.result("provision", resource.host(), fields, resource.line() + diff);
    }
    session.summary(String.format("provision: %d resource(s), %d changed", report.resources().size(),
        report.resources().size() - report.with(Outcome.UNCHANGED).size()));
    return report.succeeded() ? ExitStatus.OK : ExitStatus.FAILED;
  }

  private int switched(String command, DeployReport report) {
    boolean checked = !session.recipe.healthChecks.isEmpty() && !session.options.dryRun;
    for (HostReport host : report.hosts()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("outcome", host.outcome().name().toLowerCase());
      fields.put("release", host.live().map(Object::toString));
      fields.put("version", report.version());
      fields.put("health_checked", checked);
      String where = report.version() + " (release " + host.live().map(Object::toString).orElse("?") + ")";
      String line = session.options.dryRun ? host.host() + ": dry run: " + where + " would go live; nothing changed"
          : host.host() + ": " + (checked ? "serving " : "live ") + where;
      session.printer.result(command, host.host(), fields, line);
    }
    session.summary(String.format("%s %s: %d host(s) in %.2f s", command.equals("rollback") ? "rollback to" : command,
        report.version(), report.hosts().size(), report.duration().toMillis() / 1000.0));
    return ExitStatus.OK;
  }

  int releases() {
    Releases releases = session.releases();
    for (Host host : session.hosts()) {
      List<Release> list = releases.releases(session.observed(host));
      List<Map<String, Object>> rows = list.stream().map(RecipeTasks::row).toList();
      session.printer.result("releases", host.name(), Map.of("releases", rows), ReleaseTable.format(host.name(), list));
    }
    return ExitStatus.OK;
  }

  int history() {
    Releases releases = session.releases();
    for (Host host : session.hosts()) {
      List<HistoryEntry> entries = releases.history(session.observed(host));
      List<Map<String, Object>> rows = entries.stream().map(RecipeTasks::historyRow).toList();
      StringBuilder table = new StringBuilder(host.name() + ": " + entries.size() + " event(s)");
      entries.forEach(entry -> table.append("\n  ").append(entry.describe()));
      session.printer.result("history", host.name(), Map.of("history", rows), table.toString());
    }
    return ExitStatus.OK;
  }

  private static Map<String, Object> historyRow(HistoryEntry entry) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("at", entry.at().toString());
    row.put("kind", entry.kind().name().toLowerCase());
    row.put("by", entry.by());
    row.put("from", entry.from().map(Object::toString));
    row.put("to", entry.to().map(Object::toString));
    return row;
  }

  int status() {
    Releases releases = session.releases();
    List<Service> services = session.recipe.services();
    for (Host host : session.hosts()) {
      Host observed = session.observed(host);
      Optional<Release> live = releases.releases(observed).stream()
          .filter(release -> release.state() == ReleaseState.LIVE).findFirst();
      List<ServiceStatus> states = services.stream().map(service -> service.status(observed)).toList();
      HostStatus status = new HostStatus(host.name(), live, states, releases.lockHolder(observed));
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("release", live.map(release -> release.id().value()));
      fields.put("version", live.map(Release::version));
      fields.put("services", states.stream().map(state -> Map.<String, Object>of("name", state.service(),
          "running", state.running(), "pid", state.pid().isPresent() ? state.pid().getAsLong() : -1L)).toList());
      fields.put("lock", status.lock().map(LockHolder::describe));
      session.printer.result("status", host.name(), fields, status.describe());
    }
    return ExitStatus.OK;
  }

  int unlock(boolean force, Confirmation confirmation) {
    Releases releases = session.releases();
    int exit = ExitStatus.OK;
    for (Host host : session.hosts()) {
      exit = Math.max(exit, unlock(releases, host, force, confirmation));
    }
    return exit;
  }

  private int unlock(Releases releases, Host host, boolean force, Confirmation confirmation) {
    Optional<LockHolder> holder = releases.lockHolder(host);
    Map<String, Object> fields = Map.of("holder", holder.map(LockHolder::describe));
    if (holder.isEmpty()) {
      session.printer.result("unlock", host.name(), fields, host.name() + ": not locked");
      return ExitStatus.OK;
    }
    String who = holder.get().describe();
    if (!holder.get().stale() && !force) {
      session.printer.problem(host.name(), Session.locked(host.name(), holder.get()));
      return ExitStatus.LOCKED;
    }
    if (!holder.get().stale() && !confirmation.confirm("Break the live lock of " + host.name() + " held by " + who + "?")) {
      session.printer.problem(host.name(), host.name() + ": lock kept (not confirmed; --yes confirms)");
      return ExitStatus.REFUSED;
    }
    releases.breakLock(session.observed(host));
    session.printer.result("unlock", host.name(), fields, host.name()
        + (session.options.dryRun ? ": dry run: would break the lock of " : ": broke the lock of ") + who);
    return ExitStatus.OK;
  }

  int check(Optional<String> ref) {
    Preflight preflight = new Preflight(session.recipe, session.releases());
    List<Problem> problems = new ArrayList<>();
    preflight.ref(ref).ifPresent(problems::add);
    for (Host host : session.hosts()) {
      List<Problem> found = preflight.host(session.observed(host));
      problems.addAll(found);
      if (found.isEmpty()) {
        session.printer.result("check", host.name(), Map.of("problems", List.of()), host.name() + ": ready to deploy");
      }
    }
    problems.forEach(problem -> session.printer.problem(problem.host(), problem.describe()));
    return problems.isEmpty() ? ExitStatus.OK : ExitStatus.FAILED;
  }

  int stop() {
    for (Host host : session.hosts()) {
      for (Service service : session.recipe.services()) {
        ServiceStatus status = service.stop(session.observed(host));
        session.printer.result("stop", host.name(), Map.of("service", status.service(), "running", status.running()),
            host.name() + ": " + status.service() + (status.running() ? " still running" : " stopped"));
      }
    }
    return ExitStatus.OK;
  }

  private static Map<String, Object> row(Release release) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", release.id().value());
    row.put("version", release.version());
    row.put("commit", release.commit());
    row.put("state", release.state().name().toLowerCase());
    row.put("deployed_by", release.deployedBy());
    row.put("deployed_at", release.deployedAt().toString());
    row.put("live", release.state() == ReleaseState.LIVE);
    return row;
  }

  /** Asks the user to confirm a risky step. */
  @FunctionalInterface
  interface Confirmation {
    boolean confirm(String question);
  }
}
