package dev.slipway.terminal;

import dev.slipway.event.CommandEvent;
import dev.slipway.event.Event;
import dev.slipway.event.EventListener;
import dev.slipway.event.OutputEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The launcher's {@code --log FILE}: every command (host, outcome, exit status, duration) and every
 * output line, one per line, appended to a file. Commands are already masked by the host.
 */
public final class EventLog implements EventListener, AutoCloseable {
  private final BufferedWriter writer;

  private EventLog(BufferedWriter writer) {
    this.writer = writer;
  }

  public static EventLog appendingTo(Path file) {
    try {
      return new EventLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the log file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void on(Event event) {
    try {
      writer.write(event.at() + " " + event.host() + " " + describe(event));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Event event) {
    if (event instanceof CommandEvent) {
      CommandEvent command = (CommandEvent) event;
      return command.outcome() + " exit=" + command.exitStatus() + " " + command.duration().toMillis() + "ms "
          + command.command() + (command.context().isEmpty() ? "" : " (" + command.context() + ")");
    }
    if (event instanceof OutputEvent) {
      OutputEvent output = (OutputEvent) event;
      return (output.stream() == OutputEvent.Stream.STDERR ? "stderr| " : "stdout| ") + output.line();
    }
    return event.toString();
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
