package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.template.Template;
import dev.slipway.testing.FakeHost;
import dev.slipway.testing.RecordedCommand;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SystemdServiceTest {
  private static final Map<String, String> WORKSHOP = Map.of(
      "ansistrano_deploy_to", "/opt/flask-demo", "ansistrano_shared_path", "/opt/flask-demo/shared");

  private final FakeHost web = FakeHost.named("web1").lenient();
  private final SystemdService flask = SystemdService.named("flask-demo")
      .unit(Template.fromResource("dev/slipway/template/flask-demo.service.j2").render(WORKSHOP))
      .build();

  @BeforeEach
  void systemdDirectories() {
    web.fs().mkdirs("/etc/systemd/system").mkdirs("/srv/units").mkdirs("/home/deploy");
  }

  @Test
  void first_install_writes_the_rendered_unit_then_reloads_and_enables_as_root() {
    boolean changed = flask.install(web);
    flask.restart(web);

    assertThat(changed).isTrue();
    assertThat(web.fs().readString("/etc/systemd/system/flask-demo.service"))
        .contains("WorkingDirectory=/opt/flask-demo/current\n")
        .contains("ExecStart=/opt/flask-demo/shared/venv/bin/gunicorn -w 2 -b 0.0.0.0:8000 app:app\n");
    assertThat(web.commands()).containsExactly(
        "systemctl daemon-reload && systemctl enable flask-demo.service",
        "systemctl restart flask-demo.service");
    assertThat(web.recorded()).extracting(RecordedCommand::context)
        .allSatisfy(context -> assertThat(context.user()).contains("root"));
  }

  @Test
  void an_unchanged_unit_is_neither_rewritten_nor_followed_by_daemon_reload() {
    flask.install(web);

    boolean changed = flask.install(web);

    assertThat(changed).isFalse();
    assertThat(web.commands()).containsExactly(
        "systemctl daemon-reload && systemctl enable flask-demo.service",
        "systemctl enable flask-demo.service");
  }

  @Test
  void a_changed_unit_is_replaced_and_reloaded() {
    web.fs().write("/etc/systemd/system/flask-demo.service", "[Service]\nExecStart=/bin/old\n");

    assertThat(flask.install(web)).isTrue();

    assertThat(web.fs().readString("/etc/systemd/system/flask-demo.service")).isEqualTo(flask.unitText().orElseThrow());
    assertThat(web.commands()).containsExactly("systemctl daemon-reload && systemctl enable flask-demo.service");
  }

  @Test
  void should_install_into_the_unit_directory_it_is_given() {
    SystemdService service = SystemdService.named("worker.service").unit("[Service]\nExecStart=/bin/true\n")
        .unitDirectory("/srv/units/").build();

    service.install(web);

    assertThat(service.unitPath()).isEqualTo("/srv/units/worker.service");
    assertThat(web.fs().readString("/srv/units/worker.service")).isEqualTo("[Service]\nExecStart=/bin/true\n");
  }

  @Test
  void a_staged_unit_is_moved_into_place_with_sudo() {
    SystemdService service = SystemdService.named("worker").unit("[Service]\nExecStart=/bin/true\n")
        .stagingDirectory("/home/deploy").build();

    service.install(web);

    assertThat(web.fs().readString("/home/deploy/worker.service")).isEqualTo("[Service]\nExecStart=/bin/true\n");
    assertThat(web.commands()).containsExactly(
        "install -m 0644 /home/deploy/worker.service /etc/systemd/system/worker.service.slipway-tmp"
            + " && mv -f /etc/systemd/system/worker.service.slipway-tmp /etc/systemd/system/worker.service"
            + " && rm -f /home/deploy/worker.service",
        "systemctl daemon-reload && systemctl enable worker.service");
    assertThat(web.recorded().get(0).context().user()).isEqualTo(Optional.of("root"));
  }

  @Test
  void reload_start_and_stop_are_plain_systemctl_verbs_and_stop_says_the_status_afterwards() {
    web.when("systemctl show flask-demo.service --property=LoadState,ActiveState,SubState,MainPID")
        .thenOutput("LoadState=loaded\nActiveState=inactive\nSubState=dead\nMainPID=0\n");
    flask.reload(web);
    ServiceStatus stopped = flask.stop(web);
    flask.start(web);

    assertThat(web.commands()).containsExactly("systemctl reload flask-demo.service",
        "systemctl stop flask-demo.service",
        "systemctl show flask-demo.service --property=LoadState,ActiveState,SubState,MainPID",
        "systemctl start flask-demo.service");
    assertThat(stopped).isEqualTo(new ServiceStatus("web1", "flask-demo", false, OptionalLong.empty(), "inactive (dead)"));
  }

  @Test
  void status_reads_systemctl_show() {
    FakeHost strict = FakeHost.named("web2");
    strict.when("systemctl show flask-demo.service --property=LoadState,ActiveState,SubState,MainPID")
        .thenOutput("LoadState=loaded\nActiveState=active\nSubState=running\nMainPID=4242\n");

    ServiceStatus status = flask.status(strict);

    assertThat(status).isEqualTo(new ServiceStatus("web2", "flask-demo", true, OptionalLong.of(4242), "active (running)"));
    assertThat(strict.recorded().get(0).context().user()).isEmpty();
  }

  @Test
  void status_of_a_unit_systemd_does_not_know() {
    FakeHost strict = FakeHost.named("web2");
    strict.when(line -> line.startsWith("systemctl show"))
        .thenOutput("LoadState=not-found\nActiveState=inactive\nSubState=dead\nMainPID=0\n");

    ServiceStatus status = flask.status(strict);

    assertThat(status.running()).isFalse();
    assertThat(status.pid()).isEmpty();
    assertThat(status.detail()).isEqualTo("inactive (dead), no such unit");
  }

  @Test
  void a_failing_restart_names_the_host_and_the_command() {
    FakeHost strict = FakeHost.named("web3");
    strict.when("systemctl restart flask-demo.service")
        .thenFail(1, "Job for flask-demo.service failed because the control process exited with error code.");

    assertThatThrownBy(() -> flask.restart(strict))
        .hasMessageContaining("web3").hasMessageContaining("systemctl restart flask-demo.service")
        .hasMessageContaining("control process exited");
  }

  @Test
  void wrong_settings_fail_early_and_say_what_to_do() {
    assertThatThrownBy(() -> SystemdService.named("flask demo; rm -rf /"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid systemd unit name");
    assertThatThrownBy(() -> SystemdService.named("x").unitDirectory("etc/systemd"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be absolute");
    assertThatThrownBy(() -> SystemdService.named("nginx").build().install(web))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("unit(text)");
    assertThatThrownBy(() -> SystemdService.named("x").unit(Template.fromString("u", "{{ missing }}").render(Map.of())))
        .hasMessageContaining("missing");
  }
}
