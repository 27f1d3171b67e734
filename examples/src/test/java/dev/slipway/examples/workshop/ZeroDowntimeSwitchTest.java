package dev.slipway.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.recipe.Recipe;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * During the v1 → v2 switch, a client asking {@code /version} in a loop sees only complete answers
 * of v1 or v2: gunicorn is reloaded with HUP through the {@code current} link, never restarted.
 */
class ZeroDowntimeSwitchTest {
  private static final int MAX_REQUESTS = 5_000;

  @TempDir
  Path workshop;

  private Recipe recipe;

  @AfterEach
  void stopTheApp() {
    if (recipe != null) {
      recipe.execute(System.out, System.err, "stop");
    }
  }

  @Test
  void a_client_sees_only_complete_v1_or_v2_answers_while_current_moves() throws Exception {
    PythonPackages.assumeInstalled();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    recipe = FlaskWorkshop.recipe(workshop.resolve("flask-demo").toString(), port, workshop);
    assertThat(recipe.execute(System.out, System.err, "deploy", "v1")).isZero();

    ConcurrentMap<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    AtomicBoolean switched = new AtomicBoolean();
    AtomicInteger v1AfterSwitch = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Thread client = new Thread(() -> ask(port, answers, switched, v1AfterSwitch, stop), "version-client");
    client.start();
    Thread.sleep(500);
    assertThat(recipe.execute(System.out, System.err, "deploy", "v2")).isZero();
    switched.set(true);
    Thread.sleep(1_000);
    stop.set(true);
    client.join(30_000);

    System.out.println("answers during the v1 -> v2 switch: " + answers);
    assertThat(answers.keySet()).containsOnly("v1", "v2");
    assertThat(answers.get("v1").get()).isPositive();
    assertThat(answers.get("v2").get()).isPositive();
    assertThat(v1AfterSwitch.get()).as("v1 answers after the deploy returned").isZero();
  }

  /** Asks until told to stop (or {@value #MAX_REQUESTS} times), counting answers by version; failures count as "failed". */
  private static void ask(int port, ConcurrentMap<String, AtomicInteger> answers, AtomicBoolean switched,
                          AtomicInteger v1AfterSwitch, AtomicBoolean stop) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version"))
        .timeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < MAX_REQUESTS && !stop.get(); i++) {
      String outcome;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        outcome = response.statusCode() == 200 && response.body().matches("(?s)\\{\"version\":\\s*\"v[12]\"}\\s*")
            ? response.body().replaceAll("(?s).*\"(v[12])\".*", "$1") : "failed: " + response.statusCode();
      } catch (Exception e) {
        outcome = "failed: " + e.getClass().getSimpleName();
      }
      if (switched.get() && outcome.equals("v1")) {
        v1AfterSwitch.incrementAndGet();
      }
      answers.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
    }
  }
}
