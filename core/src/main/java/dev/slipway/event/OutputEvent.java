package dev.slipway.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One line a running command wrote, delivered while it runs, for live per-host output.
 *
 * @param host the host it came from
 * @param at when it arrived
 * @param stream which stream it was written to
 * @param line the line, without its line terminator (secrets masked)
 */
public record OutputEvent(String host, Instant at, Stream stream, String line) implements Event {
  public OutputEvent {
    requireNonNull(host, "host");
    requireNonNull(at, "at");
    requireNonNull(stream, "stream");
    requireNonNull(line, "line");
  }

  /** Standard output or standard error. */
  public enum Stream { STDOUT, STDERR }
}
