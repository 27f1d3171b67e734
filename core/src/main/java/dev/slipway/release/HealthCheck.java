package dev.slipway.release;

import dev.slipway.Command;
import dev.slipway.Host;
import java.util.Optional;

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

  /**
   * This check as one command, when it can be one (an HTTP check polling in a loop on the host):
   * the release manager then sends it in the same batch as the switch. Run through {@code host}, it
   * must exit 0 when {@code release} is healthy and otherwise say why on the last line of its
   * stderr. Empty (the default) means: call {@link #check}.
   */
  default Optional<Command> asCommand(Host host, Release release) {
    return Optional.empty();
  }
}
