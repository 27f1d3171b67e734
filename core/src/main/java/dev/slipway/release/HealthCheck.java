package dev.slipway.release;

import dev.slipway.Host;

/**
 * Decides whether a release works once it is live, in the {@link Step#DEPLOYED} step. A check
 * that throws makes the deploy switch {@code current} back to the previous release:
 *
 * <pre>{@code
 * releases.healthCheck((host, release) -> host.run("curl -fsS %s", "http://127.0.0.1:8000/health"));
 * }</pre>
 */
@FunctionalInterface
public interface HealthCheck {

  /** Returns normally if {@code release} is healthy on {@code host}; throws, saying why, if not. */
  void check(Host host, Release release) throws Exception;
}
