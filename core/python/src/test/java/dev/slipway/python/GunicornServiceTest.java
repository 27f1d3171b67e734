package dev.slipway.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.release.Release;
import dev.slipway.release.ReleaseId;
import dev.slipway.release.ReleaseState;
import dev.slipway.service.SupervisorAnswer;
import dev.slipway.service.SupervisorRequest;
import dev.slipway.testing.FakeHost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How gunicorn is told about a release that went live: start, HUP, or a re-exec when the venv changed. */
class GunicornServiceTest {
  private static final String DEPLOY_TO = "/opt/flask-demo";
  private static final SupervisorRequest HUP = SupervisorRequest.signal("HUP");

  private final FakeHost web = FakeHost.named("web1");
  private final GunicornService gunicorn = GunicornService.app("app:app").named("flask-demo").bind("127.0.0.1:8000")
      .workers(2).withDeployTo(DEPLOY_TO);

  @Test
  void a_stopped_gunicorn_is_started_from_the_venv_of_current() {
    notRunningThenStarted();

    gunicorn.serve(web, release("1", "venv-a"));

    assertThat(steps()).containsExactly("status", "start");
    assertThat(web.commands().get(1)).contains(DEPLOY_TO + "/current/venv/bin/gunicorn --chdir " + DEPLOY_TO + "/current --pid ")
        .contains("--bind 127.0.0.1:8000 --workers 2 app:app");
    assertThat(web.fs().readString(DEPLOY_TO + "/shared/pids/flask-demo.pid.venv")).isEqualTo(DEPLOY_TO + "/.slipway/envs/venv-a");
  }

  @Test
  void the_same_environment_is_reloaded_with_HUP_and_another_one_re_executes_the_master() {
    notRunningThenStarted();
    gunicorn.serve(web, release("1", "venv-a"));
    web.when(gunicorn.supervisor(), SupervisorRequest.STATUS).thenAnswer(SupervisorAnswer.running(4242))
        .when(gunicorn.supervisor(), HUP).thenAnswer(SupervisorAnswer.running(4242))
        .when(command -> command.contains(" slipway-gunicorn ")).thenOutput("reexecuted 4343\n");

    gunicorn.serve(web, release("2", "venv-a"));
    gunicorn.serve(web, release("3", "venv-b"));

    assertThat(steps()).containsExactly("status", "start", "status", "signal HUP", "status", "re-exec");
  }

  @Test
  void a_dry_run_on_a_live_host_predicts_the_reload_from_the_recorded_environment_key() {
    notRunningThenStarted();
    Release live = new Release(new ReleaseId("20261202000001"), "v1", "test", Optional.empty(), "me", Instant.EPOCH,
        ReleaseState.LIVE, DEPLOY_TO + "/releases/20261202000001", Map.of("env.venv", "venv-a"));
    gunicorn.serve(web, live);
    web.when(gunicorn.supervisor(), SupervisorRequest.STATUS).thenAnswer(SupervisorAnswer.running(4242));
    Release next = new Release(new ReleaseId("20261202000002"), "v2", "test", Optional.empty(), "me", Instant.EPOCH,
        ReleaseState.PREPARING, DEPLOY_TO + "/releases/20261202000002", Map.of("env.venv", "venv-a"));

    gunicorn.serve(web.dryRun(), next);

    assertThat(steps()).doesNotContain("re-exec").containsSubsequence("status", "start", "status");
    assertThat(steps().subList(2, steps().size())).doesNotContain("start");
    assertThat(web.fs().readString(DEPLOY_TO + "/shared/pids/flask-demo.pid.venv")).isEqualTo("venv-a");
  }

  @Test
  void without_a_deploy_path_it_says_what_to_call() {
    assertThatThrownBy(() -> GunicornService.app("app:app").status(web)).hasMessageContaining("withDeployTo");
  }

  @BeforeEach
  void pidDirectory() {
    // The real supervisor's start makes shared/pids for its pidfile; the service keeps a note beside it.
    web.fs().mkdirs(DEPLOY_TO + "/shared/pids");
  }

  private Release release(String id, String environment) {
    String directory = DEPLOY_TO + "/releases/2026120200000" + id;
    web.fs().mkdirs(directory);
    web.fs().symlink(DEPLOY_TO + "/.slipway/envs/" + environment, directory + "/venv");
    return new Release(new ReleaseId("2026120200000" + id), "v" + id, "test", Optional.empty(), "me", Instant.EPOCH,
        ReleaseState.LIVE, directory, Map.of());
  }

  private void notRunningThenStarted() {
    web.when(gunicorn.supervisor(), SupervisorRequest.STATUS).thenAnswer(SupervisorAnswer.notRunning())
        .when(gunicorn.supervisor(), SupervisorRequest.START).thenAnswer(SupervisorAnswer.running(4242));
  }

  private List<String> steps() {
    return web.commands().stream().map(this::inWords).toList();
  }

  private String inWords(String command) {
    for (SupervisorRequest request : List.of(SupervisorRequest.STATUS, SupervisorRequest.START, HUP)) {
      if (command.equals(gunicorn.supervisor().command(request).toString())) {
        return request.toString();
      }
    }
    return command.contains(" slipway-gunicorn ") ? "re-exec" : command;
  }
}
