package dev.slipway.event;

import java.time.Instant;

/**
 * Something that happened on a host during a run, for logs, progress displays and tests. Events
 * never carry secrets in clear.
 */
public interface Event {
  /** The name of the host it happened on. */
  String host();

  /** When it happened. */
  Instant at();
}
