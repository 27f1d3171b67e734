package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.BatchTimeoutException;
import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.event.CommandEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hooks and health checks that are one command, on each kind of host: they go in the step's batch,
 * so that a deploy is the lock and one round trip, a rollback too; and a failed command fails its
 * step as a hook that throws does, saying why with its last line on stderr.
 */
abstract class CommandHooksContract extends ReleasesFixture {
  private static final String BROKEN = "echo broken >&2; exit 3";
  /** A command that runs past a one-second limit (a fake host is scripted to time it out). */
  static final String SLOW = "sleep 30";

  @Test
  void a_deploy_and_a_rollback_whose_hook_and_check_are_commands_take_the_lock_then_one_round_trip() {
    List<CommandEvent> trips = Collections.synchronizedList(new ArrayList<>());
    Releases releases = releases().after(Step.SYMLINK, command("true")).healthCheck(check("true"))
        .listener(event -> {
          if (event instanceof CommandEvent trip) {
            trips.add(trip);
          }
        });
    releases.source(app("v1")).deploy(host);
    trips.clear();

    releases.source(app("v2")).deploy(host);
    int deploy = trips.size();
    trips.clear();
    releases.rollback(host);

    assertThat(deploy).as("deploy").isEqualTo(2);
    assertThat(trips).as("rollback").hasSize(2);
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(versions(releases)).containsExactly("v2:ROLLED_BACK", "v1:LIVE");
    assertThat(releases.history(host)).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.DEPLOY,
        HistoryEntry.Kind.DEPLOY, HistoryEntry.Kind.ROLLBACK);
    assertUnlockedWithoutStaging();
  }

  @ParameterizedTest
  @EnumSource(Step.class)
  void a_failed_hook_command_fails_its_own_step_saying_its_last_stderr_line(Step failing) {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    for (boolean before : List.of(true, false)) {
      Releases broken = before ? releases.before(failing, command(BROKEN)) : releases.after(failing, command(BROKEN));

      DeployReport report = deployReporting(broken.source(app("v2")));

      HostReport web1 = report.hosts().get(0);
      assertThat(web1.failedIn()).contains(failing);
      assertThat(web1.errors().get(0)).hasMessage("web-1: " + (before ? "before " : "after ") + failing.hookName()
          + " hook failed: broken");
      assertThat(liveVersion()).isEqualTo(failing == Step.CLEANUP ? "VERSION = 'v2'" : "VERSION = 'v1'");
      assertUnlockedWithoutStaging();
      if (failing == Step.CLEANUP) {
        releases.rollback(host);
      }
    }
    assertThat(releases.source(app("v3")).deploy(host).succeeded()).isTrue();
  }

  @Test
  void a_hook_command_past_its_time_limit_fails_its_own_step_as_a_timeout() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);

    DeployReport report = deployReporting(releases.after(Step.PREPARE,
        new CommandOnly(Command.shell(SLOW).withTimeout(Duration.ofSeconds(1)))).source(app("v2")));

    HostReport web1 = report.hosts().get(0);
    assertThat(web1.failedIn()).contains(Step.PREPARE);
    assertThat(web1.errors().get(0))
        .hasMessageStartingWith("web-1: after prepare hook failed: Command timed out on web-1 after 1000 ms: operation ")
        .hasMessageEndingWith(": " + SLOW)
        .hasCauseInstanceOf(BatchTimeoutException.class);
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertUnlockedWithoutStaging();
  }

  @Test
  void a_failed_health_check_command_switches_back_saying_its_last_stderr_line() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);

    DeployReport report = deployReporting(releases.source(app("v2")).after(Step.SYMLINK, command("true"))
        .healthCheck(check(BROKEN)));

    HostReport web1 = report.hosts().get(0);
    assertThat(web1.outcome()).isEqualTo(HostReport.Outcome.SWITCHED_BACK);
    assertThat(web1.failedIn()).contains(Step.DEPLOYED);
    assertThat(web1.errors().get(0)).hasMessage("web-1: health check failed for release " + report.release()
        .orElseThrow() + " (v2): broken");
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(versions(releases)).containsExactly("v2:FAILED", "v1:LIVE");
    assertThat(releases.history(host)).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.DEPLOY,
        HistoryEntry.Kind.FAILED_DEPLOY);
    assertUnlockedWithoutStaging();
  }

  @Test
  void the_steps_of_one_trip_end_in_order_as_they_went_on_the_host() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    List<String> beforeSwitch = new ArrayList<>();
    List<String> afterSwitch = new ArrayList<>();

    deployReporting(steps(releases.after(Step.PREPARE, command(BROKEN)), beforeSwitch).source(app("v2")));
    deployReporting(steps(releases.healthCheck(check(BROKEN)), afterSwitch).source(app("v3")));

    assertThat(beforeSwitch).containsExactly("setup started", "setup succeeded", "update-code started",
        "update-code succeeded", "symlink-shared started", "symlink-shared succeeded", "prepare started",
        "prepare failed");
    assertThat(afterSwitch).containsExactly("setup started", "setup succeeded", "update-code started",
        "update-code succeeded", "symlink-shared started", "symlink-shared succeeded", "prepare started",
        "prepare succeeded", "symlink started", "symlink succeeded", "deployed started", "deployed failed",
        "cleanup started", "cleanup succeeded");
  }

  private static Releases steps(Releases releases, List<String> seen) {
    return releases.listener(event -> {
      if (event instanceof StepEvent step) {
        seen.add(step.step().hookName() + " " + step.status().name().toLowerCase());
      }
    });
  }

  @Test
  void a_dry_run_sends_no_health_check_command_and_says_it_cannot_know() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);

    DeployReport report = releases.healthCheck(check(BROKEN)).source(app("v2")).deploy(host.dryRun());

    assertThat(report.hosts().get(0).outcome()).isEqualTo(HostReport.Outcome.DRY_RUN);
    assertThat(report.hosts().get(0).unknown()).anyMatch(what -> what.startsWith("health check of "));
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
  }

  private DeployReport deployReporting(Releases releases) {
    try {
      return releases.deploy(host);
    } catch (DeployFailedException failed) {
      return failed.report();
    }
  }

  static Hook command(String line) {
    return new CommandOnly(Command.shell(line));
  }

  static HealthCheck check(String line) {
    return new CommandOnly(Command.shell(line));
  }

  /** A hook or health check that is one command, which fails the test if it is run otherwise. */
  private record CommandOnly(Command command) implements Hook, HealthCheck {
    @Override
    public void run(Host on, Release release) {
      throw new AssertionError("run instead of sent as a command");
    }

    @Override
    public void check(Host on, Release release) {
      run(on, release);
    }

    @Override
    public Optional<Command> asCommand(Host on, Release release) {
      return Optional.of(command);
    }
  }
}
