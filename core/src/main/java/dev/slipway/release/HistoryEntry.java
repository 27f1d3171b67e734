package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a host's release history ({@code .slipway/history}, only ever appended to): a
 * deploy, a rollback, a failed attempt or a broken lock, who did it, when, and from which release
 * to which.
 *
 * <pre>{@code
 * releases.history(host).forEach(entry -> System.out.println(entry.describe()));
 * // 2025-10-22T09:00:01Z  deploy  alice@laptop  20251022090000 -> 20251022090001 (v2)
 * }</pre>
 *
 * @param at when it happened
 * @param kind what happened
 * @param by who did it, e.g. {@code alice@laptop}
 * @param from the release live before, if any
 * @param to the release gone to, or attempted by a failed run; empty for a broken lock
 * @param version the version of {@code to}, or empty
 * @param detail why a run failed, or whose lock was broken; empty otherwise
 */
public record HistoryEntry(Instant at, Kind kind, String by, Optional<ReleaseId> from, Optional<ReleaseId> to,
                           String version, String detail) {
  public HistoryEntry {
    requireNonNull(at, "at");
    requireNonNull(kind, "kind");
    requireNonNull(by, "by");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(version, "version");
    requireNonNull(detail, "detail");
  }

  /**
   * One line, e.g. {@code 2025-10-22T09:00:02Z  failed deploy  alice@laptop  20251022090001 ->
   * 20251022090002 (v3): switched back (HTTP 500)}.
   */
  public String describe() {
    String releases = kind == Kind.BROKEN_LOCK ? ""
        : "  " + from.map(ReleaseId::value).orElse("none") + " -> " + to.map(ReleaseId::value).orElse("none")
            + (version.isEmpty() ? "" : " (" + version + ")");
    return at + "  " + kind.name().toLowerCase().replace('_', ' ') + "  " + by + releases
        + (detail.isEmpty() ? "" : (kind == Kind.BROKEN_LOCK ? "  " : ": ") + detail);
  }

  /** What a history entry records. */
  public enum Kind {
    /** A new release went live. */
    DEPLOY,
    /** A rollback switched to an earlier (or chosen) release. */
    ROLLBACK,
    /** A deploy that took the lock and did not leave its release live. */
    FAILED_DEPLOY,
    /** A rollback that took the lock and did not finish. */
    FAILED_ROLLBACK,
    /** Someone removed a lock held by another run. */
    BROKEN_LOCK
  }
}
