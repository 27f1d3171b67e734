package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import dev.slipway.CommandFailedException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a deploy or rollback went on one host.
 *
 * @param host the host's name
 * @param outcome how it ended
 * @param live the release {@code current} points at afterwards, if any
 * @param failedIn the step whose failure ended the host's run, if one failed
 * @param steps how long each step took, in the order they ran
 * @param errors what went wrong, first error first (a failed switch back comes after the failure that caused it)
 * @param switchBackHooks how long the after-symlink hooks took when a switch back re-ran them for
 *     the release it went back to (restarting its services); empty when none ran
 * @param unknown what a dry run could not know, e.g. {@code health check of 20251022090000 (v2): not
 *     run, nothing was switched}; empty for a real run
 */
public record HostReport(String host, Outcome outcome, Optional<ReleaseId> live, Optional<Step> failedIn,
                         Map<Step, Duration> steps, List<Throwable> errors, Optional<Duration> switchBackHooks,
                         List<String> unknown) {
  public HostReport {
    requireNonNull(host, "host");
    requireNonNull(outcome, "outcome");
    requireNonNull(live, "live");
    requireNonNull(failedIn, "failedIn");
    steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    errors = List.copyOf(errors);
    requireNonNull(switchBackHooks, "switchBackHooks");
    unknown = List.copyOf(unknown);
  }

  /** Whether the host ended where it was asked to go; for a dry run, that nothing failed (see {@link #unknown()}). */
  public boolean succeeded() {
    return outcome.succeeded();
  }

  /**
   * A one-line summary, e.g. {@code web-1: failed in prepare, live 20251022090000 (Command failed on
   * web-1 (exit status 1): operation 7 of 10: pip install …: ERROR: No matching distribution …)} or
   * {@code web-1: switched back in deployed, live 20251022090000, after-symlink hooks re-run for it in
   * 840 ms (web-1: health check failed …)}.
   */
  public String describe() {
    return host + ": " + outcome.name().toLowerCase().replace('_', ' ')
        + failedIn.map(step -> " in " + step.hookName()).orElse("") + live.map(id -> ", live " + id).orElse("")
        + switchBackHooks.map(took -> ", after-symlink hooks re-run for it in " + took.toMillis() + " ms").orElse("")
        + (errors.isEmpty() ? "" : " (" + oneLine(errors.get(0)) + ")")
        + (unknown.isEmpty() ? "" : "; unknown: " + String.join("; ", unknown));
  }

  static String oneLine(Throwable error) {
    if (error instanceof CommandFailedException failed) {
      return failed.summary();
    }
    return String.valueOf(error.getMessage()).lines().findFirst().orElse("");
  }

  /** How a host ended. */
  public enum Outcome {
    /** The new release is live. */
    DEPLOYED,
    /** The host failed before the switch; its new release was removed. */
    FAILED,
    /** The host was ready, but another host failed before the switch: nothing was switched. */
    DISCARDED,
    /** The host was switched, then switched back to its previous release (its own failure or the policy). */
    SWITCHED_BACK,
    /** A rolling deploy stopped before this host's batch. */
    SKIPPED,
    /** A rollback switched the host to an earlier release. */
    ROLLED_BACK_TO,
    /**
     * A dry run went through every step without a failure: the changes were printed and
     * syntax-checked, not made; {@link HostReport#unknown()} lists what it could not know.
     */
    DRY_RUN;

    /** Whether a host that ended so is where it was asked to go (or, for a dry run, found no failure). */
    public boolean succeeded() {
      return this == DEPLOYED || this == ROLLED_BACK_TO || this == DRY_RUN;
    }
  }
}
