package dev.slipway.examples.workshop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slipway.recipe.Recipe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A workshop command run in-process, as from a terminal: its exit status and what it printed. */
record Workshop(int exit, String out, String err) {

  /** Runs the command line {@code args} of {@code recipe}. */
  static Workshop run(Recipe recipe, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = recipe.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Workshop(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Both streams, for assertion messages. */
  String printed() {
    return "exit " + exit + "\n" + out + err;
  }

  /** Standard output as JSON lines: each line one object, its top-level fields (nested values as text). */
  List<Map<String, String>> jsonLines() {
    List<Map<String, String>> objects = new ArrayList<>();
    for (String line : out.lines().toList()) {
      objects.add(jsonObject(line));
    }
    return objects;
  }

  private static Map<String, String> jsonObject(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    try (JsonParser json = new JsonFactory().createParser(line)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object: " + line);
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        fields.put(name, value.isStructStart() ? "" + json.skipChildren().currentToken() : json.getValueAsString());
      }
      if (json.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON value on a line: " + line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + line, e);
    }
    return fields;
  }

  /** A loopback port nothing listens on now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
