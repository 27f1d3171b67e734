package dev.slipway.event;

/**
 * Receives events. Called from the thread that ran the command, possibly several at once: an
 * implementation must be thread-safe and quick.
 */
@FunctionalInterface
public interface EventListener {
  void on(Event event);
}
