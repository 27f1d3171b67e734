package dev.slipway.spi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a transport reports for one finished command, before any interpretation.
 *
 * @param exitStatus the exit status
 * @param stdout standard output, decoded as UTF-8
 * @param stderr standard error, decoded as UTF-8
 * @param duration the wall time
 */
public record ExecResult(int exitStatus, String stdout, String stderr, Duration duration) {
  public ExecResult {
    requireNonNull(stdout, "stdout");
    requireNonNull(stderr, "stderr");
    requireNonNull(duration, "duration");
  }
}
