package dev.slipway.node;

import dev.slipway.SlipwayException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task failed on some hosts. The message lists every host that failed or was cancelled, each with
 * its own reason, never only the first one:
 *
 * <pre>
 * echo hello failed on 2 of 3 hosts: web-1, web-3
 *   web-1: Command failed on web-1 (exit status 1): echo hello
 *     stderr:
 *       disk full
 *   web-3: ConnectionFailedException: web-3: connection refused
 * </pre>
 *
 * The cause is the first failure; the others are attached as suppressed exceptions so stack traces
 * keep them all. {@link #results()} has the hosts that succeeded too.
 */
public class HostFailuresException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final transient HostResults<?> results;

  public HostFailuresException(String what, HostResults<?> results) {
    super(describe(what, results), firstFailure(results));
    this.results = results;
    results.failures().stream().skip(1).map(HostResult::failure)
        .filter(failure -> failure != null && failure != getCause()).forEach(this::addSuppressed);
  }

  /** Every host's result, the successful ones included, in host order. */
  public HostResults<?> results() {
    return results;
  }

  /** The names of the hosts that did not succeed (failed, cancelled or skipped), in host order. */
  public List<String> hosts() {
    return results.failures().stream().map(HostResult::host).toList();
  }

  /** Each failed host's exception, in host order; hosts that never started are absent. */
  public Map<String, Throwable> failures() {
    Map<String, Throwable> failures = new LinkedHashMap<>();
    results.failures().stream().filter(r -> r.failure() != null).forEach(r -> failures.put(r.host(), r.failure()));
    return failures;
  }

  static String describe(String what, HostResults<?> results) {
    List<? extends HostResult<?>> failed = results.failures();
    StringBuilder message = new StringBuilder(what).append(" failed on ").append(failed.size())
        .append(" of ").append(results.size()).append(results.size() == 1 ? " host: " : " hosts: ")
        .append(String.join(", ", failed.stream().map(HostResult::host).toList()));
    for (HostResult<?> result : failed) {
      message.append("\n  ").append(result.host()).append(": ").append(reason(result).replace("\n", "\n    "));
    }
    return message.toString();
  }

  private static String reason(HostResult<?> result) {
    Throwable failure = result.failure();
    if (result.status() == HostResult.Status.SKIPPED) {
      return "not run: an earlier host failed";
    }
    if (result.status() == HostResult.Status.CANCELLED) {
      return failure == null ? "cancelled before it started" : "cancelled while running (" + text(failure) + ")";
    }
    return text(failure);
  }

  private static String text(Throwable failure) {
    if (failure instanceof SlipwayException && failure.getMessage() != null) {
      return failure.getMessage();
    }
    return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }

  private static Throwable firstFailure(HostResults<?> results) {
    return results.failures().stream().map(HostResult::failure).filter(f -> f != null).findFirst().orElse(null);
  }
}
