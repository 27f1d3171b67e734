package dev.slipway.service;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.release.HealthCheck;
import dev.slipway.release.Release;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks an HTTP endpoint until it gives the expected status (and body), or fails with a
 * {@link HealthCheckFailedException} naming what it got:
 *
 * <pre>{@code
 * HttpHealthCheck serving = HttpHealthCheck.of("http://127.0.0.1:8000/version")
 *     .expectBodyContaining("\"v2\"")
 *     .attempts(20).interval(Duration.ofMillis(250));
 * serving.check(host);   // asks from the host itself: the app listens on its loopback
 *
 * releases.healthCheck(HttpHealthCheck.of("http://127.0.0.1:8000/health"));       // after each switch
 * releases.healthCheck(HttpHealthCheck.of("http://127.0.0.1:8000/version").servingReleaseVersion());
 * }</pre>
 *
 * <p>By default the request is made <em>on the host</em>, with {@code curl} if it is there and
 * otherwise with a {@code python3} one-liner, in a loop on the host: the first attempt at once,
 * then one every interval, all in one round trip that ends at the first good answer (a body
 * {@linkplain #expectBodyMatching regex} is checked in this JVM, so a loop then ends at the first
 * expected status, and another round trip goes on if the body does not match). {@link #fromController()} makes it from this JVM instead, with
 * {@link HttpClient}. Redirects are never followed, in either mode, so a 302 to a login page is not
 * mistaken for health. Immutable and thread-safe; every {@code with}-style method returns a copy.
 */
public final class HttpHealthCheck implements HealthCheck {
  private static final int EXCERPT = 200;
  // Prints the body, a newline and the status (0 without an answer, after the reason).
  private static final String PYTHON = String.join("\n",
      "import sys, urllib.request, urllib.error",
      "class NoRedirect(urllib.request.HTTPRedirectHandler):",
      "    def redirect_request(self, *args): return None",
      "try:",
      "    r = urllib.request.build_opener(NoRedirect).open(sys.argv[1], timeout=float(sys.argv[2]))",
      "    status, body = r.status, r.read()",
      "except urllib.error.HTTPError as e:",
      "    status, body = e.code, e.read()",
      "except Exception as e:",
      "    sys.stderr.write('%s\\n' % e)",
      "    status, body = 0, b''",
      "sys.stdout.buffer.write(body + b'\\n' + str(status).encode())");
  private static final String LOOP = Scripts.load("health-loop.sh");
  private static final String VERDICT = Scripts.load("health-verdict.sh");
  private static final String ANSWER = "slipway-health ";
  private final URI url;
  private final int expectedStatus;
  private final Optional<Pattern> expectedBody;
  private final Optional<String> expectedText;
  private final String bodyDescription;
  private final int attempts;
  private final Duration interval;
  private final Duration timeout;
  private final boolean fromHost;

  private HttpHealthCheck(Builder builder) {
    this.url = builder.url;
    this.expectedStatus = builder.expectedStatus;
    this.expectedBody = builder.expectedBody;
    this.expectedText = builder.expectedText;
    this.bodyDescription = builder.bodyDescription;
    this.attempts = builder.attempts;
    this.interval = builder.interval;
    this.timeout = builder.timeout;
    this.fromHost = builder.fromHost;
  }

  /** A check of {@code url} expecting status 200: 50 attempts 100 ms apart, 5 s each, from the host. */
  public static HttpHealthCheck of(String url) {
    URI uri = URI.create(requireNonNull(url, "url"));
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("health check URL must be http or https, was: " + url);
    }
    Builder builder = new Builder();
    builder.url = uri;
    return builder.build();
  }

  /** The same check, expecting {@code status} instead of 200. */
  public HttpHealthCheck expectStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    Builder copy = copy();
    copy.expectedStatus = status;
    return copy.build();
  }

  /** The same check, also expecting the body to contain {@code text}. */
  public HttpHealthCheck expectBodyContaining(String text) {
    return copy().body(Pattern.compile(Pattern.quote(text)), Optional.of(text), " and a body containing '" + text + "'")
        .build();
  }

  /** The same check, also expecting part of the body to match {@code regex} (Java syntax). */
  public HttpHealthCheck expectBodyMatching(String regex) {
    return copy().body(Pattern.compile(regex), Optional.empty(), " and a body matching /" + regex + "/").build();
  }

  /** The same check, making up to {@code count} attempts (at least 1). */
  public HttpHealthCheck attempts(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, was " + count);
    }
    Builder copy = copy();
    copy.attempts = count;
    return copy.build();
  }

  /** The same check, waiting {@code pause} between attempts. */
  public HttpHealthCheck interval(Duration pause) {
    if (pause.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative, was " + pause);
    }
    Builder copy = copy();
    copy.interval = pause;
    return copy.build();
  }

  /** The same check, giving each attempt at most {@code limit}. */
  public HttpHealthCheck timeout(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + limit);
    }
    Builder copy = copy();
    copy.timeout = limit;
    return copy.build();
  }

  /** The same check, asking from this JVM instead of from the host. */
  public HttpHealthCheck fromController() {
    return copy().from(false).build();
  }

  /** The same check, asking from the host itself (the default). */
  public HttpHealthCheck fromHost() {
    return copy().from(true).build();
  }

  /**
   * A release health check that also expects the body to contain the deployed release's version
   * (e.g. {@code v2}), so that a server still running the old code is not taken for healthy.
   */
  public HealthCheck servingReleaseVersion() {
    return new HealthCheck() {
      @Override
      public void check(Host host, Release release) {
        expectBodyContaining(release.version()).check(host);
      }

      @Override
      public Optional<Command> asCommand(Host host, Release release) {
        return expectBodyContaining(release.version()).asCommand(host, release);
      }

      @Override
      public String toString() {
        return HttpHealthCheck.this + " serving the release's version";
      }
    };
  }

  /** The URL asked. */
  public String url() {
    return url.toString();
  }

  /**
   * Asks until the answer is as expected; returns at the first good answer. Asking changes
   * nothing, so a dry-run view asks for real.
   *
   * @throws HealthCheckFailedException after the last attempt, naming what it got
   */
  public void check(Host host) {
    Answer last = null;
    for (int made = 0; made < attempts; made += last.attempts()) {
      if (made > 0) {
        pause();
      }
      last = fromHost ? askOnHost(host, attempts - made) : askFromController();
      if (expected(last)) {
        return;
      }
    }
    throw failed(host, last);
  }

  /** Checks {@code host} as {@link #check(Host)} does, whatever the release; for {@code Releases.healthCheck}. */
  @Override
  public void check(Host host, Release release) {
    check(host);
  }

  /**
   * The whole check as one command polling on the host, when it asks from the host and expects no
   * body {@linkplain #expectBodyMatching regex} (checked in this JVM): it exits 0 at the first
   * expected answer, and otherwise ends its stderr with the line {@link HealthCheckFailedException}
   * would say. Read-only, like {@link #check(Host)}.
   */
  @Override
  public Optional<Command> asCommand(Host host, Release release) {
    if (!fromHost || expectedBody.isPresent() && expectedText.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Command.format("( out=$( ( " + loop(attempts).replace("%", "%%") + ") 2>&1 ) && rc=0 || rc=$?\n"
        + "set -- slipway-verdict %s %s %s %s %s\n" + VERDICT.replace("%", "%%") + ")", failedAfter(host), missing(host),
        expectedStatus, expectedText.orElse(""), "?".repeat(EXCERPT))
        .withTimeout(loopTimeout(attempts)).readOnly());
  }

  private boolean expected(Answer answer) {
    return answer.status() == expectedStatus && expectedBody.map(p -> p.matcher(answer.body()).find()).orElse(true);
  }

  // One round trip polls up to `rounds` times on the host; it stops at the first answer with the
  // expected status (and text, for expectBodyContaining), so a body regex is checked here.
  private Answer askOnHost(Host host, int rounds) {
    // A subshell of the host's shell, not "sh -c": it needs nothing on the PATH but curl or python3.
    Command ask = Command.shell("(" + loop(rounds) + ")").withTimeout(loopTimeout(rounds)).readOnly();
    CommandResult result = host.execute(ask);
    if (result.exitStatus() == 127 && result.stderr().contains("neither curl nor python3")) {
      throw new HealthCheckFailedException(missing(host), host.name(), url.toString(), 0, 0, "");
    }
    String out = result.stdout();
    int newline = out.indexOf('\n');
    String first = newline < 0 ? out : out.substring(0, newline);
    if (!result.succeeded() || !first.startsWith(ANSWER)) {
      throw new CommandFailedException(host.context(), result);
    }
    String[] words = first.substring(ANSWER.length()).strip().split(" ");
    return new Answer(Integer.parseInt(words[1]), newline < 0 ? "" : out.substring(newline + 1),
        result.stderr().strip(), Integer.parseInt(words[0]));
  }

  private Answer askFromController() {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = Client.INSTANCE.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), "", 1);
    } catch (IOException e) {
      return new Answer(0, "", e.toString(), 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HealthCheckFailedException("Health check of " + url + " was interrupted", "controller",
          url.toString(), 0, 0, "");
    }
  }

  private void pause() {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HealthCheckFailedException("Health check of " + url + " was interrupted", "controller",
          url.toString(), 0, 0, "");
    }
  }

  private HealthCheckFailedException failed(Host host, Answer last) {
    String excerpt = last.body().length() > EXCERPT ? last.body().substring(0, EXCERPT) + "…" : last.body();
    String got = last.status() == 0
        ? "no answer" + (last.error().isEmpty() ? "" : " (" + last.error() + ")")
        : "status " + last.status() + ", body: " + (excerpt.isBlank() ? "(empty)" : excerpt.strip());
    String message = failedAfter(host) + " " + got;
    return new HealthCheckFailedException(message, host.name(), url.toString(), attempts, last.status(), excerpt);
  }

  // The loop's shell text, asking up to `rounds` times.
  private String loop(int rounds) {
    return Command.format("set -- slipway-health %s %s %s %s %s %s %s\n", url.toString(),
        String.valueOf(timeout.toMillis() / 1000.0), rounds, String.valueOf(interval.toMillis() / 1000.0),
        expectedStatus, expectedText.orElse(""), PYTHON).render() + LOOP;
  }

  // How the loop of `rounds` attempts is bounded: every attempt's timeout and interval, and some slack.
  private Duration loopTimeout(int rounds) {
    return timeout.plus(interval).multipliedBy(rounds).plusSeconds(10);
  }

  // The failure message up to what the last attempt got, the same for the JVM and the host-side verdict.
  private String failedAfter(Host host) {
    return "Health check failed for " + host.name() + ": GET " + url + " (asked from "
        + (fromHost ? host.name() : "the controller") + ") expected status " + expectedStatus + bodyDescription
        + "; after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " "
        + interval.toMillis() + " ms apart the last one got";
  }

  private String missing(Host host) {
    return "Cannot check " + url + " on " + host.name()
        + ": neither curl nor python3 is installed there; install one, or use fromController()";
  }

  private Builder copy() {
    Builder copy = new Builder();
    copy.url = url;
    copy.expectedStatus = expectedStatus;
    copy.body(expectedBody.orElse(null), expectedText, bodyDescription);
    copy.attempts = attempts;
    copy.interval = interval;
    copy.timeout = timeout;
    copy.fromHost = fromHost;
    return copy;
  }

  @Override
  public String toString() {
    return "HttpHealthCheck[GET " + url + " expects " + expectedStatus + bodyDescription + "]";
  }

  private record Answer(int status, String body, String error, int attempts) {}

  // The one way a check is made or copied: the option methods validate, then set what they change.
  private static final class Builder {
    private URI url;
    private int expectedStatus = 200;
    private Optional<Pattern> expectedBody = Optional.empty();
    private Optional<String> expectedText = Optional.empty();
    private String bodyDescription = "";
    private int attempts = 50;
    private Duration interval = Duration.ofMillis(100);
    private Duration timeout = Duration.ofSeconds(5);
    private boolean fromHost = true;

    Builder body(Pattern pattern, Optional<String> text, String description) {
      this.expectedBody = Optional.ofNullable(pattern);
      this.expectedText = text;
      this.bodyDescription = description;
      return this;
    }

    Builder from(boolean host) {
      this.fromHost = host;
      return this;
    }

    HttpHealthCheck build() {
      return new HttpHealthCheck(this);
    }
  }

  // One client for the JVM, made on first use: a client owns a selector thread.
  private static final class Client {
    static final HttpClient INSTANCE = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }
}
