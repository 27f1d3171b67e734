package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.testing.FakeHost;
import dev.slipway.testing.RecordedCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes on the local machine, started and stopped through the supervisor script. */
class PidfileServiceTest {
  @TempDir
  Path temp;

  private final Host host = LocalHost.create();
  private Path dir;
  private PidfileService.Builder sleeper;

  @BeforeEach
  void paths() throws IOException {
    dir = Files.createDirectories(temp.resolve("my app")); // a space, to prove the quoting
    sleeper = service("sleeper").command("sleep", "300");
  }

  @AfterEach
  void stopLeftovers() {
    for (String name : new String[] {"sleeper", "stubborn", "greeter", "reloader", "dying"}) {
      service(name).command("sleep").build().stop(host);
    }
  }

  @Test
  void start_status_restart_stop() {
    PidfileService sleep = sleeper.build();

    ServiceStatus started = sleep.start(host);
    ServiceStatus running = sleep.status(host);
    ServiceStatus restarted = sleep.restart(host);
    ServiceStatus stopped = sleep.stop(host);

    assertThat(started.running()).isTrue();
    assertThat(running.pid()).isEqualTo(started.pid());
    assertThat(restarted.running()).isTrue();
    assertThat(restarted.pid()).isNotEqualTo(started.pid());
    assertThat(stopped.running()).isFalse();
    assertThat(stopped.detail()).isEqualTo("stopped (was pid " + restarted.pid().getAsLong() + ")");
    assertThat(sleep.status(host).detail()).isEqualTo("not running");
    assertThat(dir.resolve("run/sleeper.pid")).doesNotExist();
  }

  @Test
  void the_pidfile_holds_the_pid_of_the_command_itself() throws IOException {
    ServiceStatus started = sleeper.build().start(host);

    assertThat(Files.readString(dir.resolve("run/sleeper.pid")).strip())
        .isEqualTo(String.valueOf(started.pid().getAsLong()));
    assertThat(ProcessHandle.of(started.pid().getAsLong()).flatMap(p -> p.info().command()))
        .hasValueSatisfying(command -> assertThat(command).endsWith("sleep"));
  }

  @Test
  void a_second_start_fails_naming_the_running_pid() {
    PidfileService sleep = sleeper.build();
    long pid = sleep.start(host).pid().getAsLong();

    assertThatThrownBy(() -> sleep.start(host))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("sleeper is already running on " + host.name())
        .hasMessageContaining("pid " + pid)
        .hasMessageContaining("call restart");
  }

  @Test
  void a_command_that_dies_at_once_fails_the_start_with_its_log_tail() throws IOException {
    Files.createDirectories(dir.resolve("log"));
    Files.writeString(dir.resolve("log/crasher.log"), "output of an earlier run\n");
    PidfileService crasher = service("crasher")
        .command("sh", "-c", "echo starting; echo 'ImportError: no module named app' >&2; exit 3").build();

    assertThatThrownBy(() -> crasher.start(host))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("crasher on " + host.name() + " exited before it was up")
        .hasMessageContaining("log " + dir.resolve("log/crasher.log"))
        .hasMessageContaining("    starting\n    ImportError: no module named app")
        .hasMessageNotContaining("earlier run");
    assertThat(crasher.status(host).running()).isFalse();
    assertThat(dir.resolve("run/crasher.pid")).doesNotExist();
  }

  @Test
  void the_first_error_line_is_kept_when_a_long_traceback_pushes_it_out_of_the_tail() {
    PidfileService crasher = service("crasher").command("sh", "-c",
        "echo 'ModuleNotFoundError: No module named app'; for i in $(seq 30); do echo \"  frame $i\"; done; exit 3")
        .build();

    assertThatThrownBy(() -> crasher.start(host))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("    ModuleNotFoundError: No module named app\n    ...\n    " + "  frame 11\n")
        .hasMessageEndingWith("  frame 30")
        .hasMessageNotContaining("frame 10\n");
  }

  @Test
  void a_dry_run_starts_and_signals_nothing_and_says_the_status_after_a_start_is_unknown() {
    PidfileService sleeper = service("sleeper").command("sleep", "30").build();

    ServiceStatus started = sleeper.start(host.dryRun());

    assertThat(started.running()).isFalse();
    assertThat(started.toString()).contains("unknown: a dry run changed nothing");
    assertThatThrownBy(() -> sleeper.signal(host.dryRun(), "HUP")).isInstanceOf(ServiceException.class)
        .hasMessageContaining("not running");
    assertThat(dir.resolve("run/sleeper.pid")).doesNotExist();
  }

  @Test
  void a_dry_run_reads_the_real_status_and_names_the_pid_a_signal_would_reach() {
    PidfileService sleeper = service("sleeper").command("sleep", "30").build();
    long pid = sleeper.start(host).pid().orElseThrow();
    try {
      assertThat(sleeper.status(host.dryRun()).running()).isTrue();
      assertThat(sleeper.signal(host.dryRun(), "TERM")).isEqualTo(pid);
      assertThat(sleeper.status(host).pid()).hasValue(pid);
    } finally {
      sleeper.stop(host);
    }
  }

  @Test
  void a_missing_program_fails_the_start_with_the_shells_complaint() {
    PidfileService missing = service("missing").command("/nonexistent/bin/app").build();

    assertThatThrownBy(() -> missing.start(host))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("/nonexistent/bin/app")
        .hasMessageContaining("not found");
  }

  @Test
  void a_pidfile_naming_someone_elses_live_process_is_stale_and_that_process_is_left_alone() throws IOException {
    long jvm = ProcessHandle.current().pid();
    Files.createDirectories(dir.resolve("run"));
    Files.writeString(dir.resolve("run/sleeper.pid"), jvm + "\n");
    PidfileService sleep = sleeper.build();

    ServiceStatus status = sleep.status(host);
    ServiceStatus stopped = sleep.stop(host);

    assertThat(status.running()).isFalse();
    assertThat(status.detail()).contains("stale pidfile").contains("pid " + jvm);
    assertThat(stopped.detail()).contains("stale pidfile");
    assertThat(dir.resolve("run/sleeper.pid")).doesNotExist();
    assertThatThrownBy(() -> sleep.signal(host, "TERM")).isInstanceOf(ServiceException.class)
        .hasMessageContaining("Cannot send TERM to sleeper");
  }

  @Test
  void start_replaces_a_stale_pidfile() throws IOException {
    Files.createDirectories(dir.resolve("run"));
    Files.writeString(dir.resolve("run/sleeper.pid"), "999999999\n");

    ServiceStatus started = sleeper.build().start(host);

    assertThat(started.running()).isTrue();
    assertThat(Files.readString(dir.resolve("run/sleeper.pid")).strip())
        .isEqualTo(String.valueOf(started.pid().getAsLong()));
  }

  @Test
  void stop_kills_a_process_that_ignores_term_after_the_stop_timeout() {
    PidfileService stubborn = service("stubborn").command("sh", "-c", "trap '' TERM; sleep 300")
        .matching("sleep 300").stopTimeout(Duration.ofMillis(300)).build();
    long pid = stubborn.start(host).pid().getAsLong();

    ServiceStatus stopped = stubborn.stop(host);

    assertThat(stopped.detail()).isEqualTo("killed (was pid " + pid + ")");
    assertThat(stubborn.status(host).running()).isFalse();
  }

  @Test
  void the_command_runs_in_its_directory_with_its_environment() throws IOException {
    PidfileService greeter = service("greeter")
        .command("sh", "-c", "echo \"$GREETING from $(pwd)\"; exec sleep 300")
        .directory(dir.toString()).env("GREETING", "hello 'there'").matching("sleep").build();

    greeter.start(host);

    assertThat(Files.readString(dir.resolve("log/greeter.log"))).contains("hello 'there' from " + dir);
  }

  @Test
  void signal_reaches_the_running_process() throws Exception {
    PidfileService reloader = reloading().build();
    long pid = reloader.start(host).pid().getAsLong();

    assertThat(reloader.signal(host, "SIGHUP")).isEqualTo(pid);

    assertThat(reloaderLogOnceItSays("reloaded")).contains("reloaded");
    assertThat(reloader.status(host).pid()).hasValue(pid);
  }

  @Test
  void each_operation_is_one_command_with_values_quoted_and_the_environment_in_it() {
    PidfileService app = PidfileService.named("app").command("/opt/my app/bin/server", "--port", "8000")
        .env("APP_MODE", "production").env("GREETING", "hello there").pidfile("/opt/my app/app.pid")
        .log("/opt/my app/app.log").build();
    FakeHost web = FakeHost.named("web1").when(app, SupervisorRequest.START).thenAnswer(SupervisorAnswer.running(4242));

    ServiceStatus started = app.start(web);

    assertThat(started.pid()).hasValue(4242);
    assertThat(web.commands()).singleElement().asString()
        .startsWith("env APP_MODE=production 'GREETING=hello there' sh -c ")
        .contains("'/opt/my app/app.pid' '/opt/my app/app.log'").contains("'/opt/my app/bin/server' --port 8000");
    assertThat(app.command(SupervisorRequest.STATUS).toString()).startsWith("env APP_MODE=production ");
  }

  @Test
  void a_serve_run_alone_sets_the_environment_once_as_it_does_inside_a_batch() {
    PidfileService app = service("app").command("server").env("APP_MODE", "production").build();
    FakeHost web = FakeHost.named("web1").when(app, SupervisorRequest.Action.SERVE)
        .thenAnswer(SupervisorAnswer.started(17));

    app.serve(web, "/envs/a");

    RecordedCommand served = web.recorded().get(0);
    assertThat(served.command()).isEqualTo(app.command(SupervisorRequest.serve("/envs/a")).toString());
    assertThat(served.context().env()).isEmpty();
    assertThat(served.script().split("APP_MODE", -1)).as(served.script()).hasSize(2);
  }

  @Test
  void an_environment_variable_needs_a_shell_variables_name() {
    assertThatThrownBy(() -> service("app").env("APP-MODE", "production"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("APP-MODE");
  }

  @Test
  void a_fake_host_scripts_serve_requests_by_action_and_tells_each_request_apart() {
    PidfileService app = service("app").command("server").reloadSignal("HUP").build();
    FakeHost web = FakeHost.named("web1").when(app, SupervisorRequest.Action.SERVE).thenAnswer(SupervisorAnswer.reloaded(17));

    assertThat(app.serve(web, "/envs/a")).extracting(ServiceStatus::detail, status -> status.pid().orElseThrow())
        .containsExactly("reloaded", 17L);
    assertThat(app.serve(web, "/envs/b 'quoted'").pid()).hasValue(17);
    assertThat(web.commands()).map(command -> FakeHost.supervisorRequest(app, command).orElseThrow())
        .containsExactly(SupervisorRequest.serve("/envs/a"), SupervisorRequest.serve("/envs/b 'quoted'"));
    assertThat(FakeHost.supervisorRequest(app, app.command(SupervisorRequest.signal("USR2")).toString()))
        .hasValue(SupervisorRequest.signal("USR2"));
    assertThat(web.fs().readString(dir.resolve("run/app.pid.venv").toString())).isEqualTo("/envs/b 'quoted'");
  }

  @Test
  void a_fake_hosts_scripted_answers_become_the_services_typed_status_and_failures() {
    PidfileService app = service("app").command("server").build();
    FakeHost web = FakeHost.named("web1")
        .when(app, SupervisorRequest.STATUS).thenAnswer(new SupervisorAnswer.Stale(17))
        .when(app, SupervisorRequest.signal("HUP")).thenAnswer(SupervisorAnswer.notRunning())
        .when(app, SupervisorRequest.START).thenAnswer(new SupervisorAnswer.Died(List.of("ImportError: app")));

    assertThat(app.status(web).detail()).contains("stale pidfile").contains("pid 17");
    assertThatThrownBy(() -> app.signal(web, "HUP")).isInstanceOf(ServiceException.class)
        .hasMessageContaining("Cannot send HUP to app on web1: not running");
    assertThatThrownBy(() -> app.start(web)).isInstanceOf(ServiceException.class)
        .hasMessageEndingWith("last lines of its log:\n    ImportError: app");
  }

  @Test
  void with_a_readiness_probe_start_answers_once_the_probe_succeeds() {
    PidfileService answering = service("sleeper")
        .command("sh", "-c", "sleep 0.3; touch ready; exec sleep 300").directory(dir.toString())
        .readyWhen(Command.cmd("test", "-f", "ready")).matching("sleep").startTimeout(Duration.ofSeconds(30)).build();

    ServiceStatus started = answering.start(host);

    assertThat(started.running()).isTrue();
    assertThat(dir.resolve("ready")).exists();
  }

  @Test
  void a_process_whose_probe_never_succeeds_is_stopped_and_the_start_fails_with_its_log() {
    PidfileService silent = service("sleeper").command("sh", "-c", "echo listening nowhere; exec sleep 300")
        .readyWhen(Command.cmd("false")).matching("sleep").build();

    assertThatThrownBy(() -> silent.start(host))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("did not answer its readiness probe within 300 ms, so it was stopped")
        .hasMessageEndingWith("    listening nowhere");
    assertThat(silent.status(host).running()).isFalse();
  }

  @Test
  void serve_starts_then_reloads_the_same_environment_and_restarts_for_another_and_notes_it() throws Exception {
    PidfileService service = reloading().build();

    ServiceStatus started = service.serve(host, "/envs/a");
    ServiceStatus reloaded = service.serve(host, "/envs/a");
    String log = reloaderLogOnceItSays("reloaded");
    ServiceStatus restarted = service.serve(host, "/envs/b");

    assertThat(started.detail()).isEqualTo("started");
    assertThat(reloaded.detail()).isEqualTo("reloaded");
    assertThat(reloaded.pid()).isEqualTo(started.pid());
    assertThat(restarted.detail()).isEqualTo("restarted");
    assertThat(restarted.pid()).isNotEqualTo(started.pid());
    assertThat(service.status(host).pid()).isEqualTo(restarted.pid());
    assertThat(Files.readString(dir.resolve("run/reloader.pid.venv"))).isEqualTo("/envs/b");
    assertThat(log).contains("reloaded");
  }

  @Test
  void a_changed_environment_runs_the_reexec_and_a_failed_one_leaves_the_old_process_serving() {
    PidfileService service = reloading().reexec(Command.shell("echo starting >&2; echo the new one did not come up >&2;"
        + " exit 4")).build();
    long pid = service.serve(host, "/envs/a").pid().orElseThrow();

    assertThatThrownBy(() -> service.serve(host, "/envs/b")).isInstanceOf(ServiceException.class)
        .hasMessage("Cannot re-execute reloader on " + host.name() + ": the new one did not come up (log "
            + dir.resolve("log/reloader.log") + ")");
    assertThat(service.status(host).pid()).hasValue(pid);
    assertThat(service.serve(host, "/envs/a").detail()).as("the note still names the old environment")
        .isEqualTo("reloaded");
  }

  @Test
  void a_serve_whose_start_fails_exits_3_and_says_why_in_one_line_last_on_stderr() {
    PidfileService dying = service("dying").command("sh", "-c", "echo booting; echo 'ImportError: no app'; echo"
        + " 'Worker failed to boot'; exit 1").matching("booting").build();

    CommandResult result = host.run(dying.command(SupervisorRequest.serve("/envs/a")).allowFailure());

    assertThat(result.exitStatus()).isEqualTo(3);
    String line = dying.serveFailure(SupervisorAnswer.read(result.stdout())).orElseThrow();
    assertThat(result.stderr().strip().lines().reduce((first, second) -> second)).hasValue(line);
    assertThat(line).isEqualTo("dying exited before it was up: ImportError: no app ... Worker failed to boot (log "
        + dir.resolve("log/dying.log") + ")");
    assertThatThrownBy(() -> dying.serve(host, "/envs/a")).isInstanceOf(ServiceException.class)
        .hasMessageContaining("dying on " + host.name() + " exited before it was up")
        .hasMessageEndingWith("last lines of its log:\n    booting\n    ImportError: no app\n    Worker failed to boot");
    assertThat(dir.resolve("run/dying.pid.venv")).doesNotExist();
  }

  @Test
  void a_dry_run_serves_nothing_and_says_the_outcome_is_unknown() {
    ServiceStatus served = reloading().build().serve(host.dryRun(), "/envs/a");

    assertThat(served.detail()).isEqualTo("unknown: a dry run changed nothing");
    assertThat(dir.resolve("run/reloader.pid")).doesNotExist();
  }

  @Test
  void wrong_settings_fail_early() {
    assertThatThrownBy(() -> PidfileService.named("x").pidfile("/p").log("/l").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a command");
    assertThatThrownBy(() -> PidfileService.named("x").command("sleep").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("pidfile(").hasMessageContaining("log(");
    assertThatThrownBy(() -> sleeper.build().signal(host, "HUP; rm -rf /"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a signal name");
  }

  private PidfileService.Builder reloading() {
    return service("reloader").command("sh", "-c", "trap 'echo reloaded' HUP; while :; do sleep 0.1; done")
        .matching("reloaded").reloadSignal("HUP");
  }

  private String reloaderLogOnceItSays(String text) throws Exception {
    Path log = dir.resolve("log/reloader.log");
    for (int i = 0; i < 100 && !Files.readString(log).contains(text); i++) {
      Thread.sleep(50);
    }
    return Files.readString(log);
  }

  private PidfileService.Builder service(String name) {
    return PidfileService.named(name)
        .pidfile(dir.resolve("run/" + name + ".pid").toString())
        .log(dir.resolve("log/" + name + ".log").toString())
        .startTimeout(Duration.ofMillis(300))
        .stopTimeout(Duration.ofSeconds(5));
  }
}
