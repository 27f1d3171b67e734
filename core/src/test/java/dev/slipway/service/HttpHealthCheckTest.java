package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.event.CommandEvent;
import dev.slipway.local.LocalHost;
import dev.slipway.release.HealthCheck;
import dev.slipway.release.Release;
import dev.slipway.release.ReleaseId;
import dev.slipway.release.ReleaseState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTP server on 127.0.0.1 that answers from a script of (status, body) pairs. */
class HttpHealthCheckTest {
  private final Host host = LocalHost.create();
  private final Deque<Object[]> answers = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private String url;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/version", exchange -> {
      requests.incrementAndGet();
      Object[] answer = answers.size() > 1 ? answers.poll() : answers.peek();
      byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
      if ((int) answer[0] == 302) {
        exchange.getResponseHeaders().add("Location", "/login");
      }
      exchange.sendResponseHeaders((int) answer[0], body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/version";
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void from_the_controller_it_retries_until_the_answer_is_right() {
    answer(503, "starting").answer(200, "{\"version\":\"v1\"}").answer(200, "{\"version\":\"v2\"}");

    quick().expectBodyContaining("\"v2\"").fromController().check(host);

    assertThat(requests).hasValue(3);
  }

  @Test
  void from_the_host_it_retries_until_the_answer_is_right() {
    answer(503, "starting").answer(200, "{\"version\":\"v2\"}");

    quick().expectBodyMatching("\"version\":\\s*\"v2\"").check(host);

    assertThat(requests).hasValue(2);
  }

  @Test
  void from_the_host_every_attempt_until_the_expected_text_travels_in_one_round_trip() {
    answer(503, "starting").answer(200, "{\"version\":\"v1\"}").answer(200, "{\"version\":\"v2\"}");
    AtomicInteger commands = new AtomicInteger();
    Host counted = host.withListener(event -> {
      if (event instanceof CommandEvent) {
        commands.incrementAndGet();
      }
    });

    quick().expectBodyContaining("\"v2\"").check(counted);

    assertThat(requests).hasValue(3);
    assertThat(commands).hasValue(1);
  }

  @Test
  void from_the_host_with_python_when_curl_is_missing(@TempDir Path bin) throws IOException {
    String python = host.capture("python3 -c %s", "import sys; print(sys.executable)");
    Files.writeString(bin.resolve("python3"), "#!/bin/sh\nexec '" + python + "' \"$@\"\n");
    bin.resolve("python3").toFile().setExecutable(true);
    answer(500, "boom").answer(200, "ok");

    quick().check(host.env("PATH", bin.toString()));

    assertThat(requests).hasValue(2);
  }

  @Test
  void a_failure_names_host_url_attempts_and_the_last_answer() {
    answer(200, "{\"version\":\"v1\"}");

    HealthCheckFailedException failure = catchThrowableOfType(HealthCheckFailedException.class,
        () -> quick().expectBodyContaining("\"v2\"").attempts(3).check(host));

    assertThat(requests).hasValue(3);
    assertThat(failure.host()).isEqualTo(host.name());
    assertThat(failure.url()).isEqualTo(url);
    assertThat(failure.attempts()).isEqualTo(3);
    assertThat(failure.lastStatus()).hasValue(200);
    assertThat(failure.lastBody()).isEqualTo("{\"version\":\"v1\"}");
    assertThat(failure).hasMessage("Health check failed for " + host.name() + ": GET " + url + " (asked from "
        + host.name() + ") expected status 200 and a body containing '\"v2\"'; after 3 attempts 20 ms apart"
        + " the last one got status 200, body: {\"version\":\"v1\"}");
  }

  @Test
  void as_a_release_health_check_it_can_wait_for_the_release_version() throws Exception {
    answer(200, "{\"version\":\"v1\"}").answer(200, "{\"version\":\"v1\"}").answer(200, "{\"version\":\"v2\"}");
    Release v2 = new Release(new ReleaseId("20251022090030"), "v2", "directory app-src", Optional.empty(),
        "alice@laptop", Instant.parse("2025-10-22T09:00:30Z"), ReleaseState.LIVE, "/opt/app/releases/20251022090030",
        Map.of());
    HealthCheck plain = quick();
    HealthCheck versioned = quick().servingReleaseVersion();

    plain.check(host, v2);
    assertThat(requests).hasValue(1);
    versioned.check(host, v2);
    assertThat(requests).hasValue(3);
  }

  @Test
  void as_one_command_it_exits_0_at_the_release_version() {
    answer(503, "starting").answer(200, "{\"version\":\"v1\"}").answer(200, "{\"version\":\"v2\"}");

    CommandResult result = host.execute(quick().servingReleaseVersion().asCommand(host, release("v2")).orElseThrow());

    assertThat(result.exitStatus()).isZero();
    assertThat(requests).hasValue(3);
  }

  @Test
  void as_one_command_a_failure_ends_stderr_with_the_exception_s_message() {
    answer(200, "{\"version\":\"v1\"}\nmore");
    HttpHealthCheck check = quick().expectBodyContaining("\"v2\"").attempts(3);
    String message = catchThrowableOfType(HealthCheckFailedException.class, () -> check.check(host)).getMessage();
    requests.set(0);

    CommandResult result = host.execute(check.asCommand(host, release("v2")).orElseThrow());

    assertThat(result.exitStatus()).isEqualTo(1);
    assertThat(requests).hasValue(3);
    assertThat(result.stderr().strip().lines().reduce((a, b) -> b)).hasValue(message.replace("\n", " "));
  }

  @Test
  void only_a_check_from_the_host_without_a_regex_is_one_command() {
    assertThat(quick().fromController().asCommand(host, release("v2"))).isEmpty();
    assertThat(quick().expectBodyMatching("v\\d").asCommand(host, release("v2"))).isEmpty();
    assertThat(quick().asCommand(host, release("v2"))).isPresent();
  }

  private static Release release(String version) {
    return new Release(new ReleaseId("20251022090030"), version, "directory app-src", Optional.empty(),
        "alice@laptop", Instant.parse("2025-10-22T09:00:30Z"), ReleaseState.LIVE, "/opt/app/releases/20251022090030",
        Map.of());
  }

  @Test
  void the_expected_status_may_be_another_one() {
    answer(404, "");

    quick().expectStatus(404).check(host);
    quick().expectStatus(404).fromController().check(host);

    assertThatThrownBy(() -> quick().attempts(1).check(host))
        .isInstanceOf(HealthCheckFailedException.class).hasMessageEndingWith("got status 404, body: (empty)");
  }

  @Test
  void redirects_are_not_followed_in_either_mode() {
    answer(302, "");

    assertThatThrownBy(() -> quick().attempts(1).check(host)).hasMessageContaining("got status 302");
    assertThatThrownBy(() -> quick().attempts(1).fromController().check(host)).hasMessageContaining("got status 302");
  }

  @Test
  void nothing_listening_is_reported_with_the_reason() throws IOException {
    String closed = "http://127.0.0.1:" + freePort() + "/version";

    assertThatThrownBy(() -> HttpHealthCheck.of(closed).attempts(2).interval(Duration.ZERO).check(host))
        .isInstanceOf(HealthCheckFailedException.class)
        .hasMessageContaining("got no answer (curl: (7)");
    assertThatThrownBy(() -> HttpHealthCheck.of(closed).attempts(1).fromController().check(host))
        .isInstanceOf(HealthCheckFailedException.class)
        .hasMessageContaining("asked from the controller").hasMessageContaining("got no answer (java.net.ConnectException");
  }

  @Test
  void a_host_without_curl_or_python_is_told_to_check_from_the_controller(@TempDir Path empty) {
    answer(200, "ok");

    assertThatThrownBy(() -> quick().check(host.env("PATH", empty.toString())))
        .isInstanceOf(HealthCheckFailedException.class)
        .hasMessageContaining("neither curl nor python3 is installed there")
        .hasMessageContaining("fromController()");
    assertThat(requests).hasValue(0);
  }

  @Test
  void a_dry_run_view_asks_for_real_since_asking_changes_nothing() {
    answer(500, "down");

    assertThatThrownBy(() -> quick().check(host.dryRun())).isInstanceOf(HealthCheckFailedException.class)
        .hasMessageContaining("status 500");

    assertThat(requests).hasPositiveValue();
  }

  @Test
  void wrong_settings_fail_early() {
    assertThatThrownBy(() -> HttpHealthCheck.of("ftp://127.0.0.1/")).hasMessageContaining("http or https");
    assertThatThrownBy(() -> HttpHealthCheck.of(url).attempts(0)).hasMessageContaining("attempts must be >= 1");
    assertThatThrownBy(() -> HttpHealthCheck.of(url).expectStatus(42)).hasMessageContaining("not an HTTP status");
  }

  private HttpHealthCheck quick() {
    return HttpHealthCheck.of(url).attempts(5).interval(Duration.ofMillis(20)).timeout(Duration.ofSeconds(5));
  }

  private HttpHealthCheckTest answer(int status, String body) {
    answers.add(new Object[] {status, body});
    return this;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
