package dev.slipway.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A transport opened, re-opened or closed its connection to a host.
 *
 * @param host the host
 * @param at when
 * @param kind what happened
 * @param detail a human description, e.g. {@code deploy@10.0.0.5:22 (reconnected after: Connection reset)}
 */
public record ConnectionEvent(String host, Instant at, Kind kind, String detail) implements Event {
  public ConnectionEvent {
    requireNonNull(host, "host");
    requireNonNull(at, "at");
    requireNonNull(kind, "kind");
    requireNonNull(detail, "detail");
  }

  /** What happened to the connection. */
  public enum Kind { CONNECTED, RECONNECTED, CLOSED }
}
