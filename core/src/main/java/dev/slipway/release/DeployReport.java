package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a deploy or a rollback did: per host, the outcome, the live release and each step's duration.
 *
 * <pre>{@code
 * DeployReport report = flask.deploy(hosts);
 * log.info("deployed {} ({}) to {} hosts", report.release().orElseThrow(), report.version(), report.hosts().size());
 * }</pre>
 *
 * @param release the release deployed; for a rollback, the release of the first host's target; empty when
 *     the deploy stopped before any host began a release (a lock held elsewhere, say), so no id was made
 * @param version the version deployed or rolled back to
 * @param hosts one report per host, in the order the hosts were given
 * @param duration the wall time of the whole run
 */
public record DeployReport(Optional<ReleaseId> release, String version, List<HostReport> hosts, Duration duration) {
  public DeployReport {
    requireNonNull(release, "release");
    requireNonNull(version, "version");
    hosts = List.copyOf(hosts);
    requireNonNull(duration, "duration");
  }

  /** Whether every host ended where it was asked to go. */
  public boolean succeeded() {
    return hosts.stream().allMatch(HostReport::succeeded);
  }

  /** The report of the host named {@code name}. */
  public Optional<HostReport> host(String name) {
    return hosts.stream().filter(h -> h.host().equals(name)).findFirst();
  }

  /** The hosts that did not end where they were asked to go. */
  public List<HostReport> failures() {
    return hosts.stream().filter(h -> !h.succeeded()).toList();
  }

  /** A few lines for logs and exception messages. */
  public String describe() {
    String what = release.map(id -> id + " (" + version + ")").orElse(version + " (no release made)");
    return what + " in " + duration.toMillis() + " ms:\n  "
        + hosts.stream().map(HostReport::describe).collect(Collectors.joining("\n  "));
  }
}
