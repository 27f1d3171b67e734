package dev.slipway.console;

/**
 * A running task shown on the console: a bar on a terminal, plain lines otherwise.
 *
 * <pre>{@code
 * try (Progress upload = console.progress("Uploading", files.size())) {
 *   files.forEach(file -> { host.upload(...); upload.step(); });
 * }
 * }</pre>
 */
public interface Progress extends AutoCloseable {

  /** One more unit of work is done. */
  void step();

  /** Ends the display (the bar keeps its last state on its own line). */
  @Override
  void close();
}
