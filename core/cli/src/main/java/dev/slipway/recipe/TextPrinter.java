package dev.slipway.recipe;

import dev.slipway.event.CommandEvent;
import dev.slipway.event.Event;
import dev.slipway.release.StepEvent;
import java.io.PrintStream;
import java.util.Map;

/**
 * The human output of a recipe's commands: a line per finished step and host, each result line,
 * problems on standard error; {@code --quiet} keeps only the problems, {@code --verbose} adds every
 * command and the stack trace of an unexpected failure.
 */
final class TextPrinter implements Printer {
  private final PrintStream out;
  private final PrintStream err;
  private final Verbosity verbosity;

  TextPrinter(PrintStream out, PrintStream err, Verbosity verbosity) {
    this.out = out;
    this.err = err;
    this.verbosity = verbosity;
  }

  /** How much is printed. */
  enum Verbosity { QUIET, NORMAL, VERBOSE }

  @Override
  public synchronized void on(Event event) {
    if (event instanceof StepEvent step && step.status() != StepEvent.Status.STARTED && verbosity != Verbosity.QUIET) {
      out.printf("  %-10s %-14s %-9s %6.2f s%n", step.host(), step.step().hookName(),
          step.status() == StepEvent.Status.SUCCEEDED ? "done" : "FAILED", step.duration().toMillis() / 1000.0);
    } else if (event instanceof CommandEvent command && verbosity == Verbosity.VERBOSE) {
      out.printf("  %-10s $ %s  (%s, %d ms)%n", command.host(), command.command().lines().findFirst().orElse(""),
          command.outcome().name().toLowerCase(), command.duration().toMillis());
    }
  }

  @Override
  public synchronized void result(String command, String host, Map<String, Object> fields, String line) {
    if (verbosity != Verbosity.QUIET) {
      out.println(line);
    }
  }

  @Override
  public synchronized void problem(String host, String line) {
    err.println(line);
  }

  @Override
  public synchronized void report(String command, int exit, String line) {
    if (verbosity != Verbosity.QUIET && !line.isEmpty()) {
      (exit == ExitStatus.OK ? out : err).println(line);
    }
  }

  @Override
  public synchronized void trace(Throwable failure) {
    if (verbosity == Verbosity.VERBOSE) {
      failure.printStackTrace(err);
    }
  }
}
