package dev.slipway.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.release.DeployFailedException;
import dev.slipway.release.Release;
import dev.slipway.release.ReleaseState;
import dev.slipway.release.Releases;
import dev.slipway.release.Step;
import dev.slipway.release.source.DirectorySource;
import dev.slipway.service.HttpHealthCheck;
import dev.slipway.service.ServiceException;
import dev.slipway.service.ServiceStatus;
import dev.slipway.service.SupervisorRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's gunicorn and Flask on this machine, serving a tiny app from a release layout: the
 * switches STACK.md measured, done through {@link Gunicorn}. Skipped where they are not installed.
 */
class GunicornTest {
  private static final String APP = """
      from flask import Flask
      app = Flask(__name__)

      @app.route("/version")
      def version():
          return {"version": "%s"}
      """;

  @TempDir
  Path deployTo;

  private final Host host = LocalHost.create();
  private Gunicorn gunicorn;
  private String url;

  @BeforeEach
  void releases() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/gunicorn")) && host.test("/usr/bin/python3 -c %s", "import flask"),
        "gunicorn and Flask are not installed (apt-get install gunicorn python3-flask): skipping");
    release("r1", "v1");
    release("r2", "v2");
    Files.createSymbolicLink(deployTo.resolve("current"), deployTo.resolve("releases/r1"));
    int port = freePort();
    url = "http://127.0.0.1:" + port + "/version";
    gunicorn = Gunicorn.app("app:app").deployTo(deployTo.toString()).venv("/usr")
        .bind("127.0.0.1:" + port).workers(1).startTimeout(Duration.ofSeconds(1)).build();
  }

  @AfterEach
  void stop() {
    if (gunicorn != null) {
      gunicorn.stop(host);
    }
  }

  @Test
  void hup_after_the_switch_serves_the_new_release_from_the_same_master() {
    long master = startServingV1ThenSwitchToV2();
    long reloaded = gunicorn.reload(host);

    serving("v2").check(host);
    assertThat(reloaded).isEqualTo(master);
    assertThat(gunicorn.status(host).pid()).hasValue(master);
  }

  @Test
  void usr2_reexec_hands_over_to_a_new_master_that_serves_the_new_release() throws IOException {
    long old = startServingV1ThenSwitchToV2();
    long fresh = gunicorn.reexec(host).orElseThrow();

    serving("v2").check(host);
    assertThat(fresh).isNotEqualTo(old);
    assertThat(gunicorn.status(host).pid()).hasValue(fresh);
    assertThat(Files.readString(deployTo.resolve("shared/pids/gunicorn.pid")).strip()).isEqualTo(String.valueOf(fresh));
    assertThat(gunicorn.stop(host).detail()).isEqualTo("stopped (was pid " + fresh + ")");
  }

  @Test
  void one_serve_request_starts_gunicorn_then_reloads_it_for_the_same_venv_and_re_executes_it_for_another() {
    ServiceStatus started = gunicorn.supervisor().serve(host, "/envs/a");
    serving("v1").check(host);
    host.symlink(deployTo.resolve("releases/r2").toString(), deployTo.resolve("current").toString());
    ServiceStatus reloaded = gunicorn.supervisor().serve(host, "/envs/a");
    serving("v2").check(host);
    host.symlink(deployTo.resolve("releases/r1").toString(), deployTo.resolve("current").toString());
    ServiceStatus reexecuted = gunicorn.supervisor().serve(host, "/envs/b");
    serving("v1").check(host);

    assertThat(List.of(started.detail(), reloaded.detail(), reexecuted.detail()))
        .containsExactly("started", "reloaded", "reexecuted");
    assertThat(reloaded.pid()).isEqualTo(started.pid());
    assertThat(reexecuted.pid()).isNotEqualTo(started.pid());
    assertThat(gunicorn.status(host).pid()).isEqualTo(reexecuted.pid());
  }

  @Test
  void a_serve_of_a_release_that_cannot_be_imported_fails_and_its_command_says_why_in_one_line() throws IOException {
    Files.writeString(deployTo.resolve("releases/r1/app.py"), "import no_such_module\n");
    Gunicorn patient = Gunicorn.app("app:app").deployTo(deployTo.toString()).venv("/usr").bind(url.substring(7,
        url.indexOf("/version"))).startTimeout(Duration.ofSeconds(30)).build();

    CommandResult result = host.run(patient.supervisor().command(SupervisorRequest.serve("/envs/a")).allowFailure());

    assertThat(result.exitStatus()).isEqualTo(3);
    assertThat(result.stderr().strip().lines().reduce((first, second) -> second).orElseThrow())
        .startsWith("gunicorn exited before it was up: ModuleNotFoundError: No module named 'no_such_module' ... ")
        .endsWith(" (log " + deployTo + "/shared/log/gunicorn.log)");
    assertThatThrownBy(() -> patient.supervisor().serve(host, "/envs/a")).isInstanceOf(ServiceException.class)
        .hasMessageContaining("exited before it was up").hasMessageContaining("No module named 'no_such_module'");
  }

  @Test
  void a_release_that_cannot_be_imported_fails_the_start_with_gunicorns_own_words() throws IOException {
    Files.writeString(deployTo.resolve("releases/r1/app.py"), "import no_such_module\n");
    // Longer than a worker needs to fail its import; the start returns as soon as gunicorn exits.
    Gunicorn patient = Gunicorn.app("app:app").deployTo(deployTo.toString()).venv("/usr").bind(url.substring(7,
        url.indexOf("/version"))).startTimeout(Duration.ofSeconds(30)).build();

    assertThatThrownBy(() -> patient.start(host))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("exited before it was up")
        .hasMessageContaining("No module named 'no_such_module'");
  }

  @Test
  void a_release_manager_switches_back_when_the_new_code_cannot_be_imported_and_the_old_one_is_served_again(
      @TempDir Path sources) throws IOException {
    Path v1 = Files.createDirectories(sources.resolve("v1"));
    Path v2 = Files.createDirectories(sources.resolve("v2"));
    Path broken = Files.createDirectories(sources.resolve("broken"));
    Files.writeString(v1.resolve("app.py"), APP.formatted("v1"));
    Files.writeString(v2.resolve("app.py"), APP.formatted("v2"));
    Files.writeString(broken.resolve("app.py"), "import no_such_module\n" + APP.formatted("v3"));
    Path app = deployTo.resolve("app");
    Gunicorn web = Gunicorn.app("app:app").deployTo(app.toString()).venv("/usr").bind(url.substring(7,
        url.indexOf("/version"))).workers(1).startTimeout(Duration.ofSeconds(1)).build();
    gunicorn = web;
    Releases flask = Releases.at(app.toString())
        .after(Step.SYMLINK, (h, release) -> {
          if (web.status(h).running()) {
            web.reload(h);
          } else {
            web.start(h);
          }
        })
        .healthCheck(HttpHealthCheck.of(url).attempts(50).interval(Duration.ofMillis(100)).servingReleaseVersion());

    flask.source(DirectorySource.of(v1).version("v1")).deploy(host);
    flask.source(DirectorySource.of(v2).version("v2")).deploy(host);
    assertThatThrownBy(() -> flask.source(DirectorySource.of(broken).version("v3")).deploy(host))
        .isInstanceOf(DeployFailedException.class)
        .hasStackTraceContaining("Health check failed");

    serving("v2").check(host);
    assertThat(flask.releases(host)).extracting(Release::version, Release::state)
        .contains(tuple("v2", ReleaseState.LIVE), tuple("v3", ReleaseState.FAILED));
  }

  @Test
  void the_command_line_follows_the_measured_recipe() {
    assertThat(gunicorn.command()).containsExactly("/usr/bin/gunicorn", "--chdir", deployTo + "/current",
        "--pid", deployTo + "/shared/pids/gunicorn.pid.gunicorn", "--bind", url.substring(7, url.indexOf("/version")),
        "--workers", "1", "app:app");
    assertThatThrownBy(() -> Gunicorn.app("app:app").args("--preload"))
        .hasMessageContaining("--preload stops a HUP from loading new code");
  }

  private long startServingV1ThenSwitchToV2() {
    long master = gunicorn.start(host).pid().getAsLong();
    serving("v1").check(host);
    host.symlink(deployTo.resolve("releases/r2").toString(), deployTo.resolve("current").toString());
    return master;
  }

  private HttpHealthCheck serving(String version) {
    return HttpHealthCheck.of(url).expectBodyContaining("\"" + version + "\"")
        .attempts(100).interval(Duration.ofMillis(100)).timeout(Duration.ofSeconds(2));
  }

  private void release(String id, String version) throws IOException {
    Path dir = Files.createDirectories(deployTo.resolve("releases").resolve(id));
    Files.writeString(dir.resolve("app.py"), APP.formatted(version));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
