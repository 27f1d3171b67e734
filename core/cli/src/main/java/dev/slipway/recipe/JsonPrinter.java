package dev.slipway.recipe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.slipway.event.CommandEvent;
import dev.slipway.event.ConnectionEvent;
import dev.slipway.event.Event;
import dev.slipway.event.OutputEvent;
import dev.slipway.release.StepEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --json}: every event and result as one JSON object per line on standard output, each with
 * {@code type}, {@code host} and {@code time} (ISO-8601): {@code step} (start and end per host),
 * {@code command} (its first line, and how many lines it has: scripts are long), {@code output},
 * {@code connection}, {@code result}, {@code problem}, and a last
 * {@code report} (host {@code all}) with the exit status. Problems also go to standard error as
 * one line each. Written with Jackson's streaming generator.
 */
final class JsonPrinter implements Printer {
  private static final JsonFactory JSON = new JsonFactory();

  private final PrintStream out;
  private final PrintStream err;

  JsonPrinter(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void on(Event event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (event instanceof StepEvent step) {
      fields.put("release", step.release().value());
      fields.put("step", step.step().hookName());
      fields.put("status", step.status().name().toLowerCase());
      fields.put("duration_ms", step.duration().toMillis());
      line("step", event.host(), event.at(), fields);
    } else if (event instanceof CommandEvent command) {
      List<String> lines = command.command().lines().toList();
      fields.put("command", lines.isEmpty() ? "" : lines.get(0));
      fields.put("command_lines", lines.size());
      fields.put("outcome", command.outcome().name().toLowerCase());
      fields.put("exit_status", command.exitStatus());
      fields.put("duration_ms", command.duration().toMillis());
      line("command", event.host(), event.at(), fields);
    } else if (event instanceof OutputEvent output) {
      fields.put("stream", output.stream().name().toLowerCase());
      fields.put("line", output.line());
      line("output", event.host(), event.at(), fields);
    } else if (event instanceof ConnectionEvent connection) {
      fields.put("kind", connection.kind().name().toLowerCase());
      fields.put("detail", connection.detail());
      line("connection", event.host(), event.at(), fields);
    }
  }

  @Override
  public void result(String command, String host, Map<String, Object> fields, String line) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("command", command);
    all.putAll(fields);
    all.put("text", line);
    line("result", host, Instant.now(), all);
  }

  @Override
  public void problem(String host, String line) {
    line("problem", host, Instant.now(), Map.of("message", line));
    synchronized (this) {
      err.println(line);
    }
  }

  @Override
  public void report(String command, int exit, String line) {
    line("report", "all", Instant.now(), Map.of("command", command, "exit", exit, "message", line));
  }

  @Override
  public void trace(Throwable failure) {
    // A stack trace is not an event; with --json it is left out.
  }

  private void line(String type, String host, Instant time, Map<String, Object> fields) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("type", type);
      json.writeStringField("host", host);
      json.writeStringField("time", time.toString());
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        json.writeFieldName(field.getKey());
        value(json, field.getValue());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (this) {
      out.println(text);
    }
  }

  private static void value(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Optional<?> optional) {
      value(json, optional.orElse(null));
    } else if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Long || value instanceof Integer) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        value(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        value(json, item);
      }
      json.writeEndArray();
    } else {
      json.writeString(String.valueOf(value));
    }
  }
}
