package dev.slipway.console;

/**
 * One status line per host, e.g. {@code web-1  restarting}. On a terminal the lines are redrawn in
 * place; otherwise every change is printed as a plain line {@code web-1: restarting}. Thread-safe,
 * so parallel host tasks may update it.
 */
public interface HostStatus extends AutoCloseable {

  /** Sets the status shown for {@code host}. */
  void update(String host, String status);

  /** Ends the display; the last state stays on screen. */
  @Override
  void close();
}
