package dev.slipway.recipe;

import dev.slipway.event.EventListener;
import java.util.Map;

/**
 * Where a recipe's commands report: as text for people ({@link TextPrinter}) or as one JSON object
 * per line for CI ({@link JsonPrinter}, {@code --json}). Events of the run (steps, commands, output)
 * arrive through {@link EventListener#on}.
 */
interface Printer extends EventListener {

  /** What {@code command} found or did on {@code host}: typed {@code fields} and the same as one {@code line}. */
  void result(String command, String host, Map<String, Object> fields, String line);

  /** Something that went wrong on {@code host}, one line. */
  void problem(String host, String line);

  /** The end of {@code command}: its exit status and a one-line summary. */
  void report(String command, int exit, String line);

  /** The stack trace of an unexpected failure, shown only when asked for ({@code --verbose}). */
  void trace(Throwable failure);
}
