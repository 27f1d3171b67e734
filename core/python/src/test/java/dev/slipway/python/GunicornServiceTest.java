package dev.slipway.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.release.Release;
import dev.slipway.release.ReleaseId;
import dev.slipway.release.ReleaseState;
import dev.slipway.service.Service;
import dev.slipway.testing.FakeHost;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How gunicorn is told about a release that went live: start, HUP, or a re-exec when the venv changed. */
class GunicornServiceTest {
  private static final String DEPLOY_TO = "/opt/flask-demo";
  // sh -c SCRIPT slipway-pidfile ACTION PIDFILE LOG DIRECTORY MATCH START STOP SIGNAL COMMAND...
  private static final Pattern SUPERVISOR = Pattern.compile("(?s)sh -c .* slipway-pidfile (\\w+) (?:\\S+ ){6}(\\S+) .*");

  private final FakeHost web = FakeHost.named("web1");
  private final Service gunicorn = GunicornService.app("app:app").named("flask-demo").bind("127.0.0.1:8000")
      .workers(2).withDeployTo(DEPLOY_TO);

  @Test
  void a_stopped_gunicorn_is_started_from_the_venv_of_current() {
    web.when(supervisor("status")).thenOutput("not-running\n").when(supervisor("start")).thenOutput("started 4242\n");

    gunicorn.serve(web, release("1", "venv-a"));

    assertThat(steps()).containsExactly("status", "start");
    assertThat(web.commands().get(1)).contains(DEPLOY_TO + "/current/venv/bin/gunicorn --chdir " + DEPLOY_TO + "/current --pid ")
        .contains("--bind 127.0.0.1:8000 --workers 2 app:app");
    assertThat(web.fs().readString(DEPLOY_TO + "/shared/pids/flask-demo.pid.venv")).isEqualTo(DEPLOY_TO + "/.slipway/envs/venv-a");
  }

  @Test
  void the_same_environment_is_reloaded_with_HUP_and_another_one_re_executes_the_master() {
    web.when(supervisor("status")).thenOutput("not-running\n").when(supervisor("start")).thenOutput("started 4242\n");
    gunicorn.serve(web, release("1", "venv-a"));
    web.when(supervisor("status")).thenOutput("running 4242\n").when(supervisor("signal")).thenOutput("signalled 4242\n")
        .when(command -> command.contains(" slipway-gunicorn ")).thenOutput("reexecuted 4343\n");

    gunicorn.serve(web, release("2", "venv-a"));
    gunicorn.serve(web, release("3", "venv-b"));

    assertThat(steps()).containsExactly("status", "start", "status", "signal HUP", "status", "re-exec");
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

  private static Predicate<String> supervisor(String action) {
    return command -> SUPERVISOR.matcher(command).matches() && command.contains(" slipway-pidfile " + action + " ");
  }

  private List<String> steps() {
    return web.commands().stream().map(command -> {
      Matcher supervisor = SUPERVISOR.matcher(command);
      if (supervisor.matches()) {
        return supervisor.group(1) + (supervisor.group(1).equals("signal") ? " " + supervisor.group(2) : "");
      }
      return command.contains(" slipway-gunicorn ") ? "re-exec" : command;
    }).toList();
  }
}
