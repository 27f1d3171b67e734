package dev.slipway.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.event.CommandEvent;
import dev.slipway.release.DeployReport;
import dev.slipway.release.HostReport;
import dev.slipway.testing.FakeHost;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How to unit-test a deploy without a server: the workshop's {@link FlaskApp} deploys the real git
 * repository onto a {@link FakeHost}. The release archive is unpacked by the fake's built-in
 * {@code tar} onto its in-memory file system; the three programs the deploy runs on the host are
 * scripted answers: the venv build, gunicorn's pidfile supervisor and the health check's
 * {@code curl} of {@code /version}.
 *
 * <p>One more answer: from the second release on, the git source copies the files that did not
 * change from the live release with a {@code tar} pipe fed on stdin. The fake cannot run that, so
 * it refuses, and the source falls back to copying them with file operations, which the fake runs.
 */
class FlaskAppFakeHostTest {
  private static final String DEPLOY_TO = "/opt/flask-demo";
  private static final String CURRENT = DEPLOY_TO + "/current";
  // sh -c SCRIPT slipway-pidfile ACTION PIDFILE LOG DIRECTORY MATCH START STOP SIGNAL COMMAND...
  private static final Pattern SUPERVISOR = Pattern.compile("(?s)sh -c .* slipway-pidfile (\\w+) (?:\\S+ ){6}(\\S+) .*");
  private static final Pattern COPY_UNCHANGED = Pattern.compile("cd \\S+ && tar -cf \\S+ --null -T - && .*");

  @TempDir
  Path workshop;

  // The venv build is a shell line run in the new release: "cd <release> && { /usr/bin/python3 -m venv ... }".
  private final FakeHost web = FakeHost.named("web1")
      .answer("(?s).*/usr/bin/python3 -m venv .*", 0, "")
      .answer(COPY_UNCHANGED.pattern(), 2, "");
  private FlaskApp app;

  @BeforeEach
  void workshopApp() {
    Path repository = FlaskAppRepository.createOrReuse(workshop.resolve("flask-demo-src"));
    app = FlaskApp.builder(repository).deployTo(DEPLOY_TO).port(8000).build();
  }

  @Test
  void deploying_v2_after_v1_points_current_at_a_release_holding_v2s_app() {
    deployV1ThenV2();

    String live = web.fs().readLink(CURRENT);
    assertThat(live).startsWith(DEPLOY_TO + "/releases/");
    assertThat(web.fs().readString(live + "/app.py")).contains("jsonify({\"version\": \"v2\"})");
    assertThat(web.fs().list(DEPLOY_TO + "/releases")).hasSize(2);
  }

  @Test
  void the_venv_is_built_once_for_v1_and_reused_by_v2_whose_requirements_are_unchanged() {
    deployV1ThenV2();

    assertThat(web.commands()).filteredOn(command -> command.contains(" -m venv ")).hasSize(1);
    List<String> releases = web.fs().list(DEPLOY_TO + "/releases");
    String v1Venv = web.fs().readLink(DEPLOY_TO + "/releases/" + releases.get(0) + "/" + FlaskApp.VENV);
    String v2Venv = web.fs().readLink(DEPLOY_TO + "/releases/" + releases.get(1) + "/" + FlaskApp.VENV);
    assertThat(v2Venv).isEqualTo(v1Venv).startsWith(DEPLOY_TO + "/.slipway/envs/venv-");
  }

  @Test
  void v1_starts_gunicorn_and_v2_reloads_it_with_a_HUP_each_checked_by_asking_its_version() {
    deployV1ThenV2();

    assertThat(steps()).containsExactly(
        "unpack the release", "build the venv", "gunicorn status", "gunicorn start", "GET /version",
        "copy unchanged files with tar (refused)", "unpack the release", "gunicorn status", "gunicorn signal HUP", "GET /version");
  }

  @Test
  void rolling_back_switches_current_to_v1_reloads_gunicorn_and_checks_that_v1_answers() {
    deployV1ThenV2();
    String v2 = web.fs().readLink(CURRENT);
    answeringVersion("v1");

    app.rollback(web);

    assertThat(web.fs().readString(CURRENT + "/app.py")).contains("jsonify({\"version\": \"v1\"})");
    assertThat(steps()).endsWith("gunicorn status", "gunicorn signal HUP", "GET /version");

    answeringVersion("v2");
    app.rollbackTo(web, "v2");

    assertThat(web.fs().readLink(CURRENT)).isEqualTo(v2);
  }

  @Test
  void a_health_check_still_answering_the_old_version_switches_current_back_to_v1() {
    deployV1();
    String v1 = web.fs().readLink(CURRENT);
    gunicornRunning();
    answeringVersion("v1");

    assertThatThrownBy(() -> app.deploy(web, "v2"))
        .hasMessageContaining("web1")
        .hasMessageContaining("Health check failed");

    assertThat(web.fs().readLink(CURRENT)).isEqualTo(v1);
    assertThat(web.fs().readString(CURRENT + "/app.py")).contains("jsonify({\"version\": \"v1\"})");
    assertThat(steps()).endsWith("GET /version", "gunicorn status", "gunicorn signal HUP");
  }

  @Test
  void a_dry_run_on_a_host_serving_v1_predicts_a_reload_into_the_same_environment_and_checks_nothing() {
    deployV1();
    String v1 = web.fs().readLink(CURRENT);
    gunicornRunning();
    List<CommandEvent> events = new CopyOnWriteArrayList<>();

    DeployReport report = app.deploy(web.withListener(event -> {
      if (event instanceof CommandEvent command) {
        events.add(command);
      }
    }).dryRun(), "v2");

    HostReport host = report.hosts().get(0);
    assertThat(host.outcome()).isEqualTo(HostReport.Outcome.DRY_RUN);
    assertThat(host.unknown()).singleElement().asString().startsWith("health check of ");
    List<String> printed = events.stream().filter(e -> e.outcome() == CommandEvent.Outcome.DRY_RUN)
        .map(CommandEvent::command).toList();
    // The same environment key as v1's: its venv is reused (not built) and gunicorn gets a HUP, not a re-exec.
    assertThat(printed).anyMatch(supervisor("signal")).noneMatch(supervisor("start"))
        .noneMatch(c -> c.contains(" -m venv ")).noneMatch(c -> c.contains("slipway-gunicorn"));
    assertThat(events).filteredOn(e -> e.outcome() == CommandEvent.Outcome.SUCCEEDED).extracting(CommandEvent::command)
        .anyMatch(supervisor("status")).noneMatch(c -> c.startsWith("if command -v curl"));
    assertThat(web.fs().readLink(CURRENT)).isEqualTo(v1);
  }

  private void deployV1ThenV2() {
    deployV1();
    gunicornRunning();
    answeringVersion("v2");
    app.deploy(web, "v2");
  }

  private void deployV1() {
    // The real supervisor's start makes shared/pids for its pidfile; FlaskApp keeps a note beside it.
    web.fs().mkdirs(DEPLOY_TO + "/shared/pids");
    web.when(supervisor("status")).thenOutput("not-running\n")
        .when(supervisor("start")).thenOutput("started 4242\n");
    answeringVersion("v1");
    app.deploy(web, "v1");
  }

  /** From now on the supervisor finds gunicorn running and signals it. */
  private void gunicornRunning() {
    web.when(supervisor("status")).thenOutput("running 4242\n")
        .when(supervisor("signal")).thenOutput("signalled 4242\n");
  }

  /** From now on the health check (curl on the host, printing the body then the status) gets {@code version}. */
  private void answeringVersion(String version) {
    web.when(command -> command.startsWith("if command -v curl")).thenOutput("{\"version\": \"" + version + "\"}\n200");
  }

  private static Predicate<String> supervisor(String action) {
    return command -> SUPERVISOR.matcher(command).matches() && command.contains(" slipway-pidfile " + action + " ");
  }

  /** The commands the host received, each in a few words. */
  private List<String> steps() {
    return web.commands().stream().map(FlaskAppFakeHostTest::inWords).toList();
  }

  private static String inWords(String command) {
    Matcher supervisor = SUPERVISOR.matcher(command);
    if (supervisor.matches()) {
      return "gunicorn " + supervisor.group(1) + (supervisor.group(1).equals("signal") ? " " + supervisor.group(2) : "");
    }
    if (COPY_UNCHANGED.matcher(command).matches()) {
      return "copy unchanged files with tar (refused)";
    }
    if (command.startsWith("tar -xzf ")) {
      return "unpack the release";
    }
    if (command.contains(" -m venv ")) {
      return "build the venv";
    }
    if (command.startsWith("if command -v curl")) {
      return "GET /version";
    }
    return command;
  }
}
