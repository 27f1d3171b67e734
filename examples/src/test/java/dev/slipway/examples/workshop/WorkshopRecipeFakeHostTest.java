package dev.slipway.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.python.GunicornService;
import dev.slipway.service.PidfileService;
import dev.slipway.service.SupervisorAnswer;
import dev.slipway.service.SupervisorRequest;
import dev.slipway.recipe.ExitStatus;
import dev.slipway.recipe.Recipe;
import dev.slipway.testing.FakeHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How to unit-test a deploy without a server: the workshop's recipe runs its commands on a
 * {@link FakeHost}, deploying the real git repository. The release archive is unpacked by the
 * fake's built-in {@code tar} onto its in-memory file system; the programs the deploy runs on the
 * host are scripted answers: the venv build, gunicorn's pidfile supervisor (typed requests and answers:
 * one serve request after each switch) and the health check's
 * loop asking {@code /version}.
 *
 * <p>From the second release on, the git source copies the files that did not change from the
 * live release with a {@code tar} pair in the same batch (pack them from a list, unpack them into
 * the new release): the fake's built-in {@code tar} runs both, so nothing needs scripting for it.
 */
class WorkshopRecipeFakeHostTest {
  private static final String DEPLOY_TO = "/opt/flask-demo";
  private static final String CURRENT = DEPLOY_TO + "/current";
  private static final Pattern PACK_UNCHANGED = Pattern.compile("tar -C \\S+ -cf \\S+ --null -T \\S+");

  @TempDir
  Path workshop;

  // The venv build is a shell line run in the new release: "cd <release> && { /usr/bin/python3 -m venv ... }".
  private final FakeHost web = FakeHost.named("web1")
      .when(line -> line.contains(" -m venv ")).thenSucceed();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Recipe recipe;

  @BeforeEach
  void workshopRecipe() {
    recipe = FlaskWorkshop.recipe(DEPLOY_TO, 8000, workshop).hosts(web);
  }

  @Test
  void deploying_v2_after_v1_points_current_at_a_release_holding_v2s_app() {
    deployV1ThenV2();

    String live = web.fs().readLink(CURRENT);
    assertThat(live).startsWith(DEPLOY_TO + "/releases/");
    assertThat(web.fs().readString(live + "/app.py")).contains("jsonify({\"version\": \"v2\"})");
    assertThat(web.fs().list(DEPLOY_TO + "/releases")).hasSize(2);
    assertThat(printed()).contains("web1: serving v2 (release ");
  }

  @Test
  void the_venv_is_built_once_for_v1_and_reused_by_v2_whose_requirements_are_unchanged() {
    deployV1ThenV2();

    assertThat(web.commands()).filteredOn(command -> command.contains(" -m venv ")).hasSize(1);
    List<String> releases = web.fs().list(DEPLOY_TO + "/releases");
    String v1Venv = web.fs().readLink(DEPLOY_TO + "/releases/" + releases.get(0) + "/venv");
    String v2Venv = web.fs().readLink(DEPLOY_TO + "/releases/" + releases.get(1) + "/venv");
    assertThat(v2Venv).isEqualTo(v1Venv).startsWith(DEPLOY_TO + "/.slipway/envs/venv-");
  }

  @Test
  void v1_starts_gunicorn_and_v2_reloads_it_each_in_one_request_checked_by_asking_its_version() {
    deployV1ThenV2();

    assertThat(steps()).containsExactly(
        "unpack the release", "build the venv", "gunicorn serve", "GET /version",
        "pack the unchanged files", "unpack them", "unpack the release", "gunicorn serve", "GET /version");
    List<String> environments = web.commands().stream()
        .flatMap(command -> FakeHost.supervisorRequest(supervisor(), command).flatMap(SupervisorRequest::environment)
            .stream()).toList();
    String v1Venv = web.fs().readLink(DEPLOY_TO + "/releases/" + web.fs().list(DEPLOY_TO + "/releases").get(0) + "/venv");
    String v1Environment = v1Venv.substring(v1Venv.lastIndexOf('/') + 1);
    assertThat(environments).as("v2 asks for v1's venv, so the supervisor reloads with a HUP")
        .containsExactly(v1Environment, v1Environment);
  }

  @Test
  void rolling_back_switches_current_to_v1_reloads_gunicorn_and_checks_that_v1_answers() {
    deployV1ThenV2();
    String v2 = web.fs().readLink(CURRENT);
    String v2Id = v2.substring(v2.lastIndexOf('/') + 1);
    answeringVersion("v1");

    assertThat(execute("rollback")).isEqualTo(ExitStatus.OK);

    assertThat(web.fs().readString(CURRENT + "/app.py")).contains("jsonify({\"version\": \"v1\"})");
    assertThat(steps()).endsWith("gunicorn serve", "GET /version");

    answeringVersion("v2");
    assertThat(execute("rollback", v2Id)).as(printed()).isEqualTo(ExitStatus.OK);

    assertThat(web.fs().readLink(CURRENT)).isEqualTo(v2);
    assertThat(printed()).contains("web1: serving v2 (release " + v2Id + ")");
  }

  @Test
  void a_health_check_still_answering_the_old_version_switches_current_back_to_v1_and_exits_3() {
    deployV1();
    String v1 = web.fs().readLink(CURRENT);
    gunicornRunning();
    answeringVersion("v1");

    assertThat(execute("deploy", "v2")).isEqualTo(ExitStatus.SWITCHED_BACK);

    assertThat(web.fs().readLink(CURRENT)).isEqualTo(v1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("web1: switched back").doesNotContain("\tat ");
    assertThat(steps()).endsWith("GET /version", "gunicorn serve");
  }

  @Test
  void status_reads_the_live_release_the_supervisor_and_the_lock_and_changes_nothing() {
    deployV1();
    gunicornRunning();
    int before = web.commands().size();

    assertThat(execute("status")).isEqualTo(ExitStatus.OK);

    assertThat(printed()).containsPattern("web1: live v1 \\(\\d+\\), flask-demo running pid 4242, not locked");
    assertThat(steps().subList(before, steps().size())).containsExactly("gunicorn status");
  }

  @Test
  void check_asks_each_program_the_deploy_path_and_the_space_and_finds_a_missing_one() {
    web.when("true").thenSucceed()
        .when(command -> command.contains("[ -w \"$d\" ]")).thenSucceed()
        .when(command -> command.contains("df -Pk")).thenOutput("1000000 0\n")
        .when(command -> command.startsWith("sh -c 'command -v") && !command.endsWith(" kill")).thenSucceed()
        .when(command -> command.startsWith("sh -c 'command -v") && command.endsWith(" kill")).thenFail(1, "");

    assertThat(execute("check", "v2")).isEqualTo(ExitStatus.FAILED);

    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("web1: kill is not installed (needed to deploy)");
    assertThat(web.commands()).filteredOn(command -> command.contains("command -v")).hasSize(3);
    assertThat(web.fs().exists(DEPLOY_TO)).as("check changes nothing").isFalse();
  }

  private void deployV1ThenV2() {
    deployV1();
    gunicornRunning();
    answeringVersion("v2");
    assertThat(execute("deploy", "v2")).as(printed()).isEqualTo(ExitStatus.OK);
  }

  private void deployV1() {
    // The real supervisor's start makes shared/pids for its pidfile; the service keeps a note beside it.
    web.fs().mkdirs(DEPLOY_TO + "/shared/pids");
    web.when(supervisor(), SupervisorRequest.STATUS).thenAnswer(SupervisorAnswer.notRunning())
        .when(supervisor(), SupervisorRequest.Action.SERVE).thenAnswer(SupervisorAnswer.started(4242));
    answeringVersion("v1");
    assertThat(execute("deploy", "v1")).as(printed()).isEqualTo(ExitStatus.OK);
  }

  private int execute(String... args) {
    return recipe.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  /** From now on the supervisor finds gunicorn running, and a serve reloads it (the venv did not change). */
  private void gunicornRunning() {
    web.when(supervisor(), SupervisorRequest.STATUS).thenAnswer(SupervisorAnswer.running(4242))
        .when(supervisor(), SupervisorRequest.Action.SERVE).thenAnswer(SupervisorAnswer.reloaded(4242));
  }

  /**
   * From now on the health check's loop on the host gets {@code version}: it reports how many
   * attempts it made (all of them when the answer is wrong) and the last status, then the body;
   * the check sent as one command in the switch's batch passes when it expects {@code version}, and
   * otherwise fails saying what it got.
   */
  private void answeringVersion(String version) {
    web.when(command -> command.contains(" slipway-health ")).thenOutput("slipway-health 150 200\n{\"version\": \""
        + version + "\"}")
        .when(command -> command.contains(" slipway-verdict ")).thenFail(1, "Health check failed for web1: the last"
            + " attempt got status 200, body: {\"version\": \"" + version + "\"}\n")
        .when(command -> command.contains(" slipway-verdict ") && command.contains(" 200 " + version + " "))
        .thenSucceed();
  }

  /** The supervisor of the recipe's gunicorn, whose requests the fake answers. */
  private PidfileService supervisor() {
    return recipe.services().stream().filter(GunicornService.class::isInstance).map(GunicornService.class::cast)
        .findFirst().orElseThrow().supervisor();
  }

  /** The commands the host received, each in a few words. */
  private List<String> steps() {
    return web.commands().stream().map(this::inWords).toList();
  }

  private String inWords(String command) {
    Optional<SupervisorRequest> request = FakeHost.supervisorRequest(supervisor(), command);
    if (request.isPresent()) {
      return "gunicorn " + (request.get().action() == SupervisorRequest.Action.SERVE ? "serve" : request.get());
    }
    if (PACK_UNCHANGED.matcher(command).matches()) {
      return "pack the unchanged files";
    }
    if (command.startsWith("tar -xpf ")) {
      return "unpack them";
    }
    if (command.startsWith("tar -xzf ")) {
      return "unpack the release";
    }
    if (command.contains(" -m venv ")) {
      return "build the venv";
    }
    if (command.contains(" slipway-health ")) {
      return "GET /version";
    }
    return command;
  }
}
