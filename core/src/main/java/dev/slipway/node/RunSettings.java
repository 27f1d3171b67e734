package dev.slipway.node;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.console.Console;
import dev.slipway.event.EventListener;
import java.util.List;

/**
 * How an execution runs: listeners attached to every host, dry-run, the default number of hosts
 * worked on at once, the shared cancellation state, and the console actions ask their questions on.
 */
record RunSettings(List<EventListener> listeners, boolean dryRun, int parallelism, Control control,
                   Console console) {
  static final int DEFAULT_PARALLELISM = 8;

  RunSettings {
    listeners = List.copyOf(listeners);
    requireNonNull(control, "control");
    requireNonNull(console, "console");
    checkParallelism(parallelism);
  }

  /** Settings for code run outside any execution, e.g. an action called directly in a unit test. */
  static RunSettings standalone() {
    return new RunSettings(List.of(), false, DEFAULT_PARALLELISM, new Control(), StandaloneConsole.INSTANCE);
  }

  /** {@code host} as this execution sees it: with its listeners, in dry-run if asked. */
  Host view(Host host) {
    Host view = host;
    for (EventListener listener : listeners) {
      view = view.withListener(listener);
    }
    return dryRun ? view.dryRun() : view;
  }

  RunSettings withDryRun(boolean on) {
    return new RunSettings(listeners, on, parallelism, control, console);
  }

  static int checkParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
    }
    return parallelism;
  }

  /** Built on first use only: most standalone code never asks anything. */
  private static final class StandaloneConsole {
    static final Console INSTANCE = Console.nonInteractive(System.out, false);
  }
}
