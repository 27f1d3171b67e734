package dev.slipway.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.release.Release;
import dev.slipway.release.ReleaseId;
import dev.slipway.release.ReleaseState;
import dev.slipway.service.ServiceException;
import dev.slipway.service.SupervisorAnswer;
import dev.slipway.service.SupervisorRequest;
import dev.slipway.service.SupervisorRequest.Action;
import dev.slipway.testing.FakeHost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How gunicorn is told about a release that went live: one serve request to its supervisor, which
 * starts it, reloads it with HUP, or re-executes it when the venv changed.
 */
class GunicornServiceTest {
  private static final String DEPLOY_TO = "/opt/flask-demo";
  private static final String MARKER = DEPLOY_TO + "/shared/pids/flask-demo.pid.venv";
  private static final String LOG = DEPLOY_TO + "/shared/log/flask-demo.log";

  private final FakeHost web = FakeHost.named("web1");
  private final GunicornService gunicorn = GunicornService.app("app:app").named("flask-demo").bind("127.0.0.1:8000")
      .workers(2).withDeployTo(DEPLOY_TO);

  @Test
  void a_stopped_gunicorn_is_started_from_the_venv_of_current_in_one_request() {
    web.when(gunicorn.supervisor(), Action.SERVE).thenAnswer(SupervisorAnswer.started(4242));
    Release release = release("1", "venv-a");

    gunicorn.serve(web, release);

    assertThat(web.commands()).singleElement().isEqualTo(gunicorn.serveCommand(web, release).orElseThrow().toString())
        .isEqualTo(gunicorn.supervisor().command(SupervisorRequest.serve(DEPLOY_TO + "/.slipway/envs/venv-a")).toString());
    assertThat(web.commands().get(0))
        .contains(DEPLOY_TO + "/current/venv/bin/gunicorn --chdir " + DEPLOY_TO + "/current --pid ")
        .contains("--bind 127.0.0.1:8000 --workers 2 app:app");
    assertThat(web.fs().readString(MARKER)).isEqualTo(DEPLOY_TO + "/.slipway/envs/venv-a");
  }

  @Test
  void reloaded_and_re_executed_answers_serve_the_release_and_note_its_environment() {
    web.when(gunicorn.supervisor(), Action.SERVE).thenAnswer(SupervisorAnswer.reloaded(4242));
    gunicorn.serve(web, release("1", "venv-a"));
    web.when(gunicorn.supervisor(), Action.SERVE).thenAnswer(SupervisorAnswer.reexecuted(4343));

    gunicorn.serve(web, release("2", "venv-b"));

    assertThat(web.commands()).hasSize(2);
    assertThat(web.fs().readString(MARKER)).isEqualTo(DEPLOY_TO + "/.slipway/envs/venv-b");
  }

  @Test
  void a_start_that_fails_throws_what_a_start_says_and_the_command_says_it_in_one_line() {
    SupervisorAnswer died = new SupervisorAnswer.Died(List.of("ModuleNotFoundError: No module named 'app'",
        "[INFO] Reason: Worker failed to boot."));
    web.when(gunicorn.supervisor(), Action.SERVE).thenAnswer(died);

    assertThatThrownBy(() -> gunicorn.serve(web, release("1", "venv-a"))).isInstanceOf(ServiceException.class)
        .hasMessageStartingWith("flask-demo on web1 exited before it was up (command ")
        .hasMessageEndingWith("last lines of its log:\n    ModuleNotFoundError: No module named 'app'\n"
            + "    [INFO] Reason: Worker failed to boot.");
    assertThat(web.run(gunicorn.serveCommand(web, release("2", "venv-a")).orElseThrow().allowFailure()))
        .satisfies(result -> assertThat(result.exitStatus()).isEqualTo(3))
        .satisfies(result -> assertThat(result.stderr().strip()).isEqualTo("flask-demo exited before it was up:"
            + " ModuleNotFoundError: No module named 'app' ... [INFO] Reason: Worker failed to boot. (log " + LOG + ")"));
    assertThat(web.fs().exists(MARKER)).isFalse();
  }

  @Test
  void a_re_exec_that_fails_says_the_old_master_still_serves() {
    web.when(gunicorn.supervisor(), Action.SERVE).thenAnswer(new SupervisorAnswer.ReexecFailed(
        "the new gunicorn master did not keep workers up within the timeout; the old master 4242 still serves"));

    assertThatThrownBy(() -> gunicorn.serve(web, release("1", "venv-b"))).isInstanceOf(ServiceException.class)
        .hasMessage("Cannot re-execute flask-demo on web1: the new gunicorn master did not keep workers up within the"
            + " timeout; the old master 4242 still serves (log " + LOG + ")");
  }

  @Test
  void an_unscripted_serve_is_answered_from_the_status_start_hup_and_re_exec_answers_as_the_supervisor_decides() {
    web.when(gunicorn.supervisor(), SupervisorRequest.STATUS).thenAnswer(SupervisorAnswer.notRunning())
        .when(gunicorn.supervisor(), SupervisorRequest.START).thenAnswer(SupervisorAnswer.running(4242));
    String started = served("venv-a");
    web.when(gunicorn.supervisor(), SupervisorRequest.STATUS).thenAnswer(SupervisorAnswer.running(4242))
        .when(gunicorn.supervisor(), SupervisorRequest.signal("HUP")).thenAnswer(SupervisorAnswer.running(4242))
        .when(gunicorn.supervisor().reexec().orElseThrow().toString()).thenOutput("reexecuted 4242 4343\n");

    assertThat(List.of(started, served("venv-a"), served("venv-b")))
        .containsExactly("started 4242", "reloaded 4242", "reexecuted 4343");
    assertThat(web.commands()).hasSize(3);
    assertThat(web.fs().readString(MARKER)).isEqualTo(DEPLOY_TO + "/.slipway/envs/venv-b");
  }

  @Test
  void a_dry_run_sends_the_recorded_environment_key_and_changes_nothing() {
    web.when(gunicorn.supervisor(), Action.SERVE).thenAnswer(SupervisorAnswer.started(4242));
    gunicorn.serve(web, release("1", "venv-a"));
    Release next = new Release(new ReleaseId("20261202000002"), "v2", "test", Optional.empty(), "me", Instant.EPOCH,
        ReleaseState.PREPARING, DEPLOY_TO + "/releases/20261202000002", Map.of("env.venv", "venv-c"));

    gunicorn.serve(web.dryRun(), next);

    assertThat(gunicorn.serveCommand(web.dryRun(), next).orElseThrow())
        .isEqualTo(gunicorn.supervisor().command(SupervisorRequest.serve("venv-c")));
    assertThat(web.commands()).hasSize(1);
    assertThat(web.fs().readString(MARKER)).isEqualTo(DEPLOY_TO + "/.slipway/envs/venv-a");
  }

  @Test
  void without_a_deploy_path_it_says_what_to_call() {
    assertThatThrownBy(() -> GunicornService.app("app:app").status(web)).hasMessageContaining("withDeployTo");
  }

  private String served(String environment) {
    var status = gunicorn.supervisor().serve(web, DEPLOY_TO + "/.slipway/envs/" + environment);
    return status.detail() + " " + status.pid().orElseThrow();
  }

  private Release release(String id, String environment) {
    String directory = DEPLOY_TO + "/releases/2026120200000" + id;
    web.fs().mkdirs(directory);
    web.fs().symlink(DEPLOY_TO + "/.slipway/envs/" + environment, directory + "/venv");
    return new Release(new ReleaseId("2026120200000" + id), "v" + id, "test", Optional.empty(), "me", Instant.EPOCH,
        ReleaseState.LIVE, directory, Map.of());
  }
}
