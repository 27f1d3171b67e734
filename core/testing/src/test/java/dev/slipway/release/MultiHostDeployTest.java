package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.release.HostReport.Outcome;
import dev.slipway.release.source.DirectorySource;
import dev.slipway.testing.FakeHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two-phase deploys, switch-back policies and rolling batches over several hosts. */
class MultiHostDeployTest {
  private static final String DEPLOY_TO = "/opt/flask-demo";

  @TempDir
  Path controller;

  private final FakeHost a = FakeHost.named("a");
  private final FakeHost b = FakeHost.named("b");
  private final FakeHost c = FakeHost.named("c");
  private int second;

  private Releases releases() {
    return Releases.at(DEPLOY_TO).clock(Clock.fixed(Instant.parse("2025-10-22T09:00:00Z").plusSeconds(second++),
        ZoneOffset.UTC));
  }

  private Source app(String version) throws IOException {
    Path dir = Files.createDirectories(controller.resolve(version + "-" + second));
    Files.writeString(dir.resolve("app.py"), "VERSION = '" + version + "'\n");
    return DirectorySource.of(dir).version(version);
  }

  private static Hook failOn(String hostName, String message) {
    return (host, release) -> {
      if (host.name().equals(hostName)) {
        throw new IllegalStateException(message);
      }
    };
  }

  private static String live(Host host) {
    return host.readString(DEPLOY_TO + "/current/app.py").trim();
  }

  @Test
  void every_host_gets_the_same_release_id() throws IOException {
    DeployReport report = releases().source(app("v1")).deploy(List.of(a, b, c));

    assertThat(report.succeeded()).isTrue();
    for (FakeHost host : List.of(a, b, c)) {
      assertThat(host.fs().readLink(DEPLOY_TO + "/current")).isEqualTo(DEPLOY_TO + "/releases/" + report.release().orElseThrow());
    }
  }

  @Test
  void when_one_host_fails_before_the_switch_nobody_switches() throws IOException {
    releases().source(app("v1")).deploy(a, b);

    DeployFailedException failure = catchThrowableOfType(DeployFailedException.class, () -> releases()
        .source(app("v2")).after(Step.PREPARE, failOn("b", "pip install failed")).deploy(a, b));

    assertThat(failure.report().hosts()).extracting(HostReport::outcome)
        .containsExactly(Outcome.DISCARDED, Outcome.FAILED);
    assertThat(failure).hasMessageContaining("pip install failed");
    assertThat(live(a)).isEqualTo("VERSION = 'v1'");
    assertThat(live(b)).isEqualTo("VERSION = 'v1'");
    assertThat(a.fs().list(DEPLOY_TO + "/releases")).containsExactly("20251022090000");
    assertThat(releases().releases(a)).extracting(Release::version).containsExactly("v1");
    assertThat(releases().releases(b)).extracting(Release::version).containsExactly("v2", "v1");
    assertThat(a.fs().exists(DEPLOY_TO + "/.slipway/lock")).isFalse();
  }

  @Test
  void a_failure_after_the_switch_rolls_every_host_back_by_default() throws IOException {
    releases().source(app("v1")).deploy(a, b);

    DeployFailedException failure = catchThrowableOfType(DeployFailedException.class, () -> releases()
        .source(app("v2")).healthCheck((host, release) -> failOn("b", "502").run(host, release)).deploy(a, b));

    assertThat(failure.report().hosts()).extracting(HostReport::outcome)
        .containsExactly(Outcome.SWITCHED_BACK, Outcome.SWITCHED_BACK);
    assertThat(live(a)).isEqualTo("VERSION = 'v1'");
    assertThat(live(b)).isEqualTo("VERSION = 'v1'");
  }

  @Test
  void keep_succeeded_leaves_the_new_release_on_the_hosts_that_passed() throws IOException {
    releases().source(app("v1")).deploy(a, b);

    DeployFailedException failure = catchThrowableOfType(DeployFailedException.class, () -> releases()
        .source(app("v2")).onFailureAfterSwitch(AfterSwitchFailure.KEEP_SUCCEEDED)
        .after(Step.DEPLOYED, failOn("b", "smoke test failed")).deploy(a, b));

    assertThat(failure.report().hosts()).extracting(HostReport::outcome)
        .containsExactly(Outcome.DEPLOYED, Outcome.SWITCHED_BACK);
    assertThat(live(a)).isEqualTo("VERSION = 'v2'");
    assertThat(live(b)).isEqualTo("VERSION = 'v1'");
  }

  @Test
  void a_held_lock_on_one_host_stops_the_deploy_everywhere() throws IOException {
    releases().source(app("v1")).deploy(a, b);
    b.fs().mkdirs(DEPLOY_TO + "/.slipway/lock").write(DEPLOY_TO + "/.slipway/lock/holder",
        "user=bob\ncontroller=ci-runner\npid=77\nsince=2025-10-22T08:00:00Z\naction=deploy\ntoken=x\n");

    assertThatThrownBy(() -> releases().source(app("v2")).deploy(a, b))
        .isInstanceOfSatisfying(DeployLockedException.class, e -> {
          assertThat(e.host()).isEqualTo("b");
          assertThat(e.holder().orElseThrow().user()).isEqualTo("bob");
        })
        .hasMessageContaining("Deploy already running on b").hasMessageContaining("bob@ci-runner pid 77");
    assertThatThrownBy(() -> releases().rollback(a, b)).isInstanceOfSatisfying(DeployLockedException.class,
        e -> assertThat(e.host()).isEqualTo("b"));

    assertThat(live(a)).isEqualTo("VERSION = 'v1'");
    assertThat(a.fs().list(DEPLOY_TO + "/releases")).hasSize(1);
    assertThat(a.fs().exists(DEPLOY_TO + "/.slipway/lock")).isFalse();
    assertThat(b.fs().exists(DEPLOY_TO + "/.slipway/lock/holder")).isTrue();
  }

  @Test
  void rolling_batches_stop_once_too_many_hosts_failed() throws IOException {
    DeployFailedException failure = catchThrowableOfType(DeployFailedException.class, () -> releases()
        .source(app("v1")).rollout(Rollout.batchesOf(1)).after(Step.UPDATE_CODE, failOn("b", "disk full"))
        .deploy(a, b, c));

    assertThat(failure.report().hosts()).extracting(HostReport::outcome)
        .containsExactly(Outcome.DEPLOYED, Outcome.FAILED, Outcome.SKIPPED);
    assertThat(c.fs().exists(DEPLOY_TO)).isFalse();
  }

  @Test
  void rolling_batches_go_on_while_failures_stay_under_the_limit() throws IOException {
    DeployReport report = releases().source(app("v1")).rollout(Rollout.percent(33).withMaxFailurePercent(50))
        .after(Step.UPDATE_CODE, failOn("b", "disk full")).deploy(a, b, c);

    assertThat(report.hosts()).extracting(HostReport::outcome)
        .containsExactly(Outcome.DEPLOYED, Outcome.FAILED, Outcome.DEPLOYED);
    assertThat(report.succeeded()).isFalse();
  }

  @Test
  void a_rollback_that_one_host_cannot_do_changes_no_host() throws IOException {
    releases().source(app("v1")).deploy(a);
    releases().source(app("v2")).deploy(a, b);

    assertThatThrownBy(() -> releases().rollback(a, b)).isInstanceOf(ReleaseException.class)
        .hasMessageContaining("b: no good release older than the live");

    assertThat(live(a)).isEqualTo("VERSION = 'v2'");
    assertThat(a.fs().exists(DEPLOY_TO + "/.slipway/lock")).isFalse();
    assertThat(b.fs().exists(DEPLOY_TO + "/.slipway/lock")).isFalse();
  }

  @Test
  void a_real_host_and_a_fake_one_deploy_two_phase_together(@TempDir Path machine) throws IOException {
    String deployTo = machine.resolve("app").toString();
    Host local = LocalHost.named("local");
    FakeHost fake = FakeHost.named("fake");
    Releases releases = Releases.at(deployTo);
    releases.source(app("v1")).deploy(local, fake);

    assertThatThrownBy(() -> releases.source(app("v2")).before(Step.SYMLINK, failOn("fake", "not ready"))
        .deploy(local, fake)).isInstanceOf(DeployFailedException.class);

    assertThat(local.readString(deployTo + "/current/app.py")).contains("v1");
    assertThat(fake.fs().readString(deployTo + "/current/app.py")).contains("v1");
  }

  @ParameterizedTest
  @EnumSource(Step.class)
  void an_error_on_one_of_two_hosts_unlocks_both_and_is_rethrown(Step failing) throws IOException {
    releases().source(app("v1")).deploy(a, b);
    Hook boom = (host, release) -> {
      if (host.name().equals("b")) {
        throw new AssertionError("assertion in " + failing);
      }
    };

    Throwable thrown = catchThrowable(() -> releases().source(app("v2")).before(failing, boom).deploy(a, b));

    assertThat(thrown).isExactlyInstanceOf(AssertionError.class).hasMessage("assertion in " + failing);
    for (FakeHost host : List.of(a, b)) {
      assertThat(host.fs().exists(DEPLOY_TO + "/.slipway/lock")).isFalse();
      assertThat(host.fs().exists(DEPLOY_TO + "/.slipway/staging/next")).isFalse();
      assertThat(live(host)).isEqualTo(failing == Step.CLEANUP ? "VERSION = 'v2'" : "VERSION = 'v1'");
    }
  }

  @Test
  void an_error_from_a_health_check_on_a_real_host_switches_it_and_a_fake_one_back(@TempDir Path machine)
      throws IOException {
    String deployTo = machine.resolve("app").toString();
    Host local = LocalHost.named("local");
    FakeHost fake = FakeHost.named("fake");
    Releases releases = Releases.at(deployTo);
    releases.source(app("v1")).deploy(local, fake);

    Throwable thrown = catchThrowable(() -> releases.source(app("v2")).healthCheck((host, release) -> {
      if (host.name().equals("local")) {
        throw new AssertionError("unhealthy");
      }
    }).deploy(local, fake));

    assertThat(thrown).isExactlyInstanceOf(AssertionError.class).hasMessage("unhealthy");
    assertThat(thrown.getSuppressed()).singleElement().isInstanceOfSatisfying(DeployFailedException.class,
        e -> assertThat(e.report().hosts()).extracting(HostReport::outcome)
            .containsExactly(Outcome.SWITCHED_BACK, Outcome.SWITCHED_BACK));
    assertThat(local.readString(deployTo + "/current/app.py")).contains("v1");
    assertThat(fake.fs().readString(deployTo + "/current/app.py")).contains("v1");
    assertThat(local.exists(deployTo + "/.slipway/lock")).isFalse();
    assertThat(fake.fs().exists(deployTo + "/.slipway/lock")).isFalse();
  }
}
