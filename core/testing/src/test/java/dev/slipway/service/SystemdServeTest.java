package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.local.LocalHost;
import dev.slipway.release.Release;
import dev.slipway.release.ReleaseId;
import dev.slipway.release.ReleaseState;
import dev.slipway.spi.Transport;
import dev.slipway.testing.FakeHost;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A systemd unit serving the release that just went live: one command, {@code systemctl
 * reload-or-restart} then a check that the unit is active, saying why last on stderr when not.
 * On a fake host the command is scripted; on the local machine the real script runs against a
 * {@code sudo} and a {@code systemctl} of the test's own, put first on the {@code PATH}.
 */
class SystemdServeTest {
  private static final String JOB_FAILED = "Job for flask-demo.service failed because the control process exited"
      + " with error code.";

  @TempDir
  Path temp;

  private final SystemdService flask = SystemdService.named("flask-demo").build();
  private final Release release = new Release(new ReleaseId("20261202000001"), "v1", "test", Optional.empty(), "me",
      Instant.EPOCH, ReleaseState.LIVE, "/opt/flask-demo/releases/20261202000001", Map.of());
  private Host local;

  @BeforeEach
  void fakeSystemd() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    program(bin.resolve("sudo"), "while [ \"$1\" != -- ]; do shift; done; shift; exec \"$@\"");
    program(bin.resolve("systemctl"), "echo \"$*\" >> '" + temp.resolve("calls") + "'\n"
        + "case $1 in\n"
        + "  reload-or-restart) [ ! -f '" + temp.resolve("broken") + "' ] && exit 0\n"
        + "    echo '" + JOB_FAILED + "' >&2; echo 'See \"systemctl status flask-demo.service\" for details.' >&2; exit 1 ;;\n"
        + "  is-active) state=$(cat '" + temp.resolve("state") + "'); echo \"$state\"; [ \"$state\" = active ] ;;\n"
        + "esac");
    Files.writeString(temp.resolve("state"), "active\n");
    local = LocalHost.create().env("PATH", bin + ":" + System.getenv("PATH"));
  }

  @Test
  void a_serve_is_one_command_as_root_whether_alone_or_offered_for_a_batch() {
    FakeHost web = FakeHost.named("web1");
    Command serve = flask.serveCommand(web, release).orElseThrow();
    web.when(serve.toString()).thenSucceed();

    flask.serve(web, release);

    assertThat(web.commands()).containsExactly(serve.toString());
    assertThat(serve.toString()).startsWith("sudo -n -u root -H -- sh -c ").endsWith(" slipway-systemd flask-demo.service");
    assertThat(web.recorded().get(0).context().user()).isEmpty();
    assertThat(flask.requiredCommands()).containsExactly("sudo", "systemctl");
  }

  @Test
  void a_failed_serve_throws_the_commands_last_stderr_line() {
    FakeHost web = FakeHost.named("web1");
    web.when(flask.serveCommand(web, release).orElseThrow().toString()).thenFail(1, JOB_FAILED + "\n"
        + "flask-demo.service could not be reloaded or restarted: " + JOB_FAILED + "\n");

    assertThatThrownBy(() -> flask.serve(web, release)).isInstanceOf(ServiceException.class)
        .hasMessage("web1: flask-demo.service could not be reloaded or restarted: " + JOB_FAILED)
        .satisfies(e -> assertThat(((ServiceException) e).service()).isEqualTo("flask-demo"));
  }

  @Test
  void a_host_that_needs_a_sudo_password_gets_no_serve_command_and_serves_alone_through_its_sudo_view() {
    FakeHost web = FakeHost.named("web1").lenient();
    Host asking = withSudoPassword(web);

    flask.serve(asking, release);

    assertThat(flask.serveCommand(asking, release)).isEmpty();
    assertThat(web.commands()).singleElement().asString().startsWith("sh -c ")
        .endsWith(" slipway-systemd flask-demo.service");
    assertThat(web.recorded().get(0).context().user()).contains("root");
  }

  @Test
  void the_real_script_reloads_or_restarts_then_asks_whether_the_unit_is_active() throws IOException {
    flask.serve(local, release);

    assertThat(local.run(flask.serveCommand(local, release).orElseThrow()).succeeded()).isTrue();
    assertThat(Files.readString(temp.resolve("calls")))
        .isEqualTo("reload-or-restart flask-demo.service\nis-active flask-demo.service\n".repeat(2));
  }

  @Test
  void the_real_script_names_systemds_complaint_when_the_unit_cannot_be_reloaded_or_restarted() throws IOException {
    Files.writeString(temp.resolve("broken"), "");

    var result = local.execute(flask.serveCommand(local, release).orElseThrow());

    assertThat(result.exitStatus()).isEqualTo(1);
    assertThat(result.stderr()).startsWith(JOB_FAILED + "\nSee ")
        .endsWith("\nflask-demo.service could not be reloaded or restarted: " + JOB_FAILED + "\n");
    assertThatThrownBy(() -> flask.serve(local, release)).isInstanceOf(ServiceException.class)
        .hasMessageEndingWith(": flask-demo.service could not be reloaded or restarted: " + JOB_FAILED);
  }

  @Test
  void the_real_script_fails_a_unit_that_is_not_active_afterwards() throws IOException {
    Files.writeString(temp.resolve("state"), "failed\n");

    assertThatThrownBy(() -> flask.serve(local, release)).isInstanceOf(ServiceException.class)
        .hasMessageEndingWith(": flask-demo.service is failed after reload-or-restart, not active"
            + " (journalctl -u flask-demo.service says why)");
  }

  @Test
  void a_dry_run_serve_checks_the_commands_syntax_and_changes_nothing() {
    flask.serve(local.dryRun(), release);

    assertThat(temp.resolve("calls")).doesNotExist();
  }

  // The fake itself, except that its transport says the host needs a sudo password.
  private static Host withSudoPassword(FakeHost fake) {
    Transport asking = (Transport) Proxy.newProxyInstance(Transport.class.getClassLoader(),
        new Class<?>[] {Transport.class}, (proxy, method, args) -> {
          if (method.getName().equals("sudoPassword")) {
            return Optional.of(Secret.of("sesame"));
          }
          throw new UnsupportedOperationException(method.getName());
        });
    return (Host) Proxy.newProxyInstance(Host.class.getClassLoader(), new Class<?>[] {Host.class},
        (proxy, method, args) -> method.getName().equals("unwrap") && args[0] == Transport.class
            ? Optional.of(asking) : method.invoke(fake, args));
  }

  private static void program(Path path, String body) throws IOException {
    Files.writeString(path, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
