package dev.slipway.release;

/**
 * A deploy or rollback did not reach every host it had to. The message has one line per host;
 * {@link #report()} has the outcomes, errors and step durations, and each host's first error is a
 * suppressed exception of this one.
 */
public class DeployFailedException extends ReleaseException {
  private static final long serialVersionUID = 1L;

  private final transient DeployReport report;

  public DeployFailedException(String what, DeployReport report) {
    super(what + " failed: " + report.describe());
    this.report = report;
    report.failures().forEach(host -> host.errors().forEach(this::addSuppressed));
  }

  /** What happened on every host. */
  public DeployReport report() {
    return report;
  }
}
