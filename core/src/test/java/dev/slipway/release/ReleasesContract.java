package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Host;
import dev.slipway.event.CommandEvent;
import dev.slipway.event.Event;
import dev.slipway.release.deps.DependencyEnvironment;
import dev.slipway.release.source.DirectorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rule of release deploys, run against each kind of host (a TCK), with the failure rules of
 * {@link ReleaseFailuresContract}. Assertions read the host through its own file operations, so
 * they mean the same on the in-memory fake and on the real file system.
 */
abstract class ReleasesContract extends ReleaseFailuresContract {
  @Test
  void first_deploy_builds_the_layout_and_points_current_at_a_complete_release() {
    DeployReport report = releases().sharedDirs("log").source(app("v1")).deploy(host);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.release().orElseThrow().value()).isEqualTo("20251022090000");
    assertThat(live()).isEqualTo(deployTo + "/releases/20251022090000");
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(host.readString(deployTo + "/current/static/site.css")).isEqualTo("body {}\n");
    assertThat(host.readLink(deployTo + "/current/log")).contains(deployTo + "/shared/log");
    assertThat(host.stat(deployTo + "/shared/log").orElseThrow().isDirectory()).isTrue();
    assertThat(host.exists(deployTo + "/.slipway/lock")).isFalse();
    assertThat(host.exists(deployTo + "/.slipway/staging")).isFalse();
    assertThat(report.hosts().get(0).steps().keySet()).containsExactly(
        Step.SETUP, Step.UPDATE_CODE, Step.SYMLINK_SHARED, Step.PREPARE, Step.SYMLINK, Step.DEPLOYED, Step.CLEANUP);
  }

  @Test
  void the_registry_records_version_source_who_when_and_state() {
    Releases releases = releases().source(app("v1"));
    releases.deploy(host);
    releases.source(app("v2")).deploy(host);

    List<Release> listed = releases.releases(host);

    assertThat(listed).extracting(r -> r.id().value(), Release::version, Release::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple("20251022090001", "v2", ReleaseState.LIVE),
        org.assertj.core.groups.Tuple.tuple("20251022090000", "v1", ReleaseState.PREVIOUS));
    assertThat(listed.get(0).deployedBy()).isEqualTo("tester@controller");
    assertThat(listed.get(0).deployedAt()).isEqualTo(Instant.parse("2025-10-22T09:00:01Z"));
    assertThat(listed.get(0).source()).startsWith("directory ");
    assertThat(host.readString(deployTo + "/.slipway/releases")).contains("version=v2");
  }

  @Test
  void the_live_release_is_read_from_current_not_from_the_registry() {
    Releases releases = releases().source(app("v1"));
    releases.deploy(host);
    releases.source(app("v2")).deploy(host);
    host.symlink(deployTo + "/releases/20251022090000", deployTo + "/current");

    assertThat(versions(releases)).containsExactly("v2:PREVIOUS", "v1:LIVE");
  }

  @Test
  void two_deploys_in_one_second_get_distinct_ids() {
    Releases fixed = releases().clock(Clock.fixed(Instant.parse("2025-10-22T09:00:30Z"), ZoneOffset.UTC));
    fixed.source(app("v1")).deploy(host);
    DeployReport second = fixed.source(app("v2")).deploy(host);

    assertThat(second.release().orElseThrow().value()).isEqualTo("20251022090030-2");
    assertThat(live()).endsWith("/releases/20251022090030-2");
    fixed.rollbackTo(host, "20251022090030");
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
  }

  @Test
  void hooks_run_in_lifecycle_order_with_ansistrano_and_yodeploy_names() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Releases releases = releases().source(app("v1"));
    for (Step step : Step.values()) {
      releases = releases.before(step, (h, r) -> ran.add("before-" + step.hookName()))
          .after(step, (h, r) -> ran.add("after-" + step.hookName()));
    }
    releases.deploy(host);

    assertThat(ran).containsExactly("before-setup", "after-setup", "before-update-code", "after-update-code",
        "before-symlink-shared", "after-symlink-shared", "before-prepare", "after-prepare", "before-symlink",
        "after-symlink", "before-deployed", "after-deployed", "before-cleanup", "after-cleanup");
  }

  @Test
  void hooks_see_the_staging_directory_before_the_switch_and_the_release_directory_after() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    releases().source(app("v1"))
        .after(Step.UPDATE_CODE, (h, r) -> seen.add(r.directory() + " " + h.exists(r.directory() + "/app.py")))
        .after(Step.SYMLINK, (h, r) -> seen.add(r.directory() + " " + r.state()))
        .deploy(host);

    assertThat(seen).containsExactly(deployTo + "/.slipway/staging/next true",
        deployTo + "/releases/20251022090000 LIVE");
  }

  @Test
  void shared_paths_are_created_if_missing_linked_and_never_deleted() {
    Releases releases = releases().keep(1).sharedDirs("log", "var/uploads").sharedFiles("config/app.ini");
    releases.source(app("v1")).deploy(host);
    host.write(deployTo + "/shared/config/app.ini", "secret=1\n");
    host.write(deployTo + "/shared/var/uploads/photo.jpg", "jpeg");
    releases.source(app("v2")).deploy(host);
    releases.source(app("v3")).deploy(host);

    assertThat(host.readString(deployTo + "/current/config/app.ini")).isEqualTo("secret=1\n");
    assertThat(host.readString(deployTo + "/current/var/uploads/photo.jpg")).isEqualTo("jpeg");
    assertThat(host.readLink(deployTo + "/current/log")).contains(deployTo + "/shared/log");
    assertThat(host.list(deployTo + "/releases")).hasSize(2);
  }

  @Test
  void rollback_walks_back_through_good_releases_and_skips_rolled_back_ones() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    releases.source(app("v2")).deploy(host);
    releases.source(app("v3")).deploy(host);

    releases.rollback(host);
    assertThat(liveVersion()).isEqualTo("VERSION = 'v2'");
    releases.rollback(host);
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(versions(releases)).containsExactly("v3:ROLLED_BACK", "v2:ROLLED_BACK", "v1:LIVE");
  }

  @Test
  void rollback_with_no_earlier_good_release_is_a_clear_error_that_changes_nothing() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    String registry = host.readString(deployTo + "/.slipway/releases");

    assertThatThrownBy(() -> releases.rollback(host)).isInstanceOf(ReleaseException.class)
        .hasMessageContaining("web-1").hasMessageContaining("no good release older than the live 20251022090000");
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(host.readString(deployTo + "/.slipway/releases")).isEqualTo(registry);
    assertThat(host.exists(deployTo + "/.slipway/lock")).isFalse();
  }

  @Test
  void rollback_skips_a_failed_release() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    releases.source(app("v2")).deploy(host);
    assertThatThrownBy(() -> releases.source(app("v3")).healthCheck((h, r) -> {
      throw new IllegalStateException("HTTP 500");
    }).deploy(host)).isInstanceOf(DeployFailedException.class);

    releases.rollback(host);

    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(versions(releases)).containsExactly("v3:FAILED", "v2:ROLLED_BACK", "v1:LIVE");
  }

  @Test
  void rollback_to_a_version_or_an_id() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    releases.source(app("v2")).deploy(host);
    releases.source(app("v3")).deploy(host);

    releases.rollbackTo(host, "v1");
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    releases.rollbackTo(host, "20251022090002");
    assertThat(liveVersion()).isEqualTo("VERSION = 'v3'");
    assertThatThrownBy(() -> releases.rollbackTo(host, "v9")).isInstanceOf(ReleaseException.class)
        .hasMessageContaining("no release v9").hasMessageContaining("20251022090001 v2");
  }

  @Test
  void a_rollback_runs_the_symlink_and_deployed_hooks_for_the_release_it_goes_back_to() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    releases.source(app("v2")).deploy(host);
    List<String> ran = Collections.synchronizedList(new ArrayList<>());

    releases.after(Step.SYMLINK, (h, r) -> ran.add("restart " + r.version() + " " + r.state()))
        .healthCheck((h, r) -> ran.add("check " + h.readString(r.directory() + "/app.py").trim()))
        .rollback(host);

    assertThat(ran).containsExactly("restart v1 LIVE", "check VERSION = 'v1'");
  }

  @Test
  void remove_rolled_back_deletes_the_release_rolled_back_from() {
    Releases releases = releases().removeRolledBack();
    releases.source(app("v1")).deploy(host);
    releases.source(app("v2")).deploy(host);

    releases.rollback(host);

    assertThat(host.exists(deployTo + "/releases/20251022090001")).isFalse();
    assertThat(versions(releases)).containsExactly("v1:LIVE");
  }

  @Test
  void cleanup_keeps_n_good_releases_and_failed_ones_up_to_their_own_limit() {
    Releases releases = releases().keep(2).keepFailed(1);
    releases.source(app("v1")).deploy(host);
    for (String failing : List.of("f1", "f2", "f3")) {
      assertThatThrownBy(() -> releases.source(app(failing)).before(Step.PREPARE, (h, r) -> {
        throw new IllegalStateException("broken build");
      }).deploy(host)).isInstanceOf(DeployFailedException.class);
    }
    releases.source(app("v2")).deploy(host);
    releases.source(app("v3")).deploy(host);

    assertThat(versions(releases)).containsExactly("v3:LIVE", "v2:PREVIOUS", "f3:FAILED");
    assertThat(host.list(deployTo + "/releases")).extracting(f -> f.name())
        .containsExactly("20251022090004", "20251022090005");
  }

  @Test
  void failed_deploys_never_push_out_the_last_good_release() {
    Releases releases = releases().keep(1).keepFailed(0);
    releases.source(app("v1")).deploy(host);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> releases.source(app("bad")).healthCheck((h, r) -> {
        throw new IllegalStateException("down");
      }).deploy(host)).isInstanceOf(DeployFailedException.class);
    }

    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(versions(releases)).containsExactly("v1:LIVE");
  }

  @Test
  void cleanup_never_removes_the_rollback_target() {
    Releases releases = releases().keep(1);
    releases.source(app("v1")).deploy(host);
    releases.source(app("v2")).deploy(host);
    releases.source(app("v3")).deploy(host);

    assertThat(versions(releases)).containsExactly("v3:LIVE", "v2:PREVIOUS");
    releases.rollback(host);
    assertThat(liveVersion()).isEqualTo("VERSION = 'v2'");
  }

  @ParameterizedTest
  @EnumSource(Step.class)
  void a_failure_in_any_step_leaves_a_complete_live_release_shared_intact_and_no_lock(Step failing) {
    Releases releases = releases().sharedDirs("data");
    releases.source(app("v1")).deploy(host);
    host.write(deployTo + "/shared/data/db.sqlite", "rows");
    for (boolean before : List.of(true, false)) {
      Hook boom = (h, r) -> {
        throw new IllegalStateException("injected failure in " + failing);
      };
      Releases broken = before ? releases.before(failing, boom) : releases.after(failing, boom);
      try {
        broken.source(app("v2")).deploy(host);
        assertThat(failing).as("only cleanup failures leave the new release live").isEqualTo(Step.CLEANUP);
      } catch (DeployFailedException e) {
        assertThat(e).hasMessageContaining("injected failure in " + failing);
        assertThat(e.report().hosts().get(0).failedIn()).contains(failing);
        assertThat(e.report().hosts().get(0).describe()).contains(" in " + failing.hookName());
        assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
      }
      assertThat(host.readString(deployTo + "/current/data/db.sqlite")).isEqualTo("rows");
      assertThat(host.exists(deployTo + "/.slipway/lock")).isFalse();
      assertThat(host.exists(deployTo + "/.slipway/staging/next")).isFalse();
      assertThat(releases.releases(host)).allMatch(r -> r.state() != ReleaseState.LIVE
          || host.exists(r.directory() + "/app.py"));
    }

    DeployReport next = releases.source(app("v3")).deploy(host);

    assertThat(next.succeeded()).isTrue();
    assertThat(liveVersion()).isEqualTo("VERSION = 'v3'");
  }

  @Test
  void a_failure_before_the_switch_removes_the_half_built_release() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);

    assertThatThrownBy(() -> releases.source(app("v2")).after(Step.PREPARE, (h, r) -> {
      throw new IllegalStateException("migration failed");
    }).deploy(host)).isInstanceOf(DeployFailedException.class).hasMessageContaining("migration failed");

    assertThat(host.list(deployTo + "/releases")).extracting(f -> f.name()).containsExactly("20251022090000");
    assertThat(versions(releases)).containsExactly("v2:FAILED", "v1:LIVE");
  }

  @Test
  void a_source_that_fails_to_install_leaves_nothing_behind() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    Source broken = () -> new ResolvedSource() {
      @Override
      public String version() {
        return "v2";
      }

      @Override
      public String describe() {
        return "a source whose upload breaks";
      }

      @Override
      public void install(Host target, InstallTarget where) {
        target.write(where.directory() + "/half-written.py", "VERS");
        target.run("echo upload interrupted >&2; exit 3");
      }
    };

    assertThatThrownBy(() -> releases.source(broken).deploy(host)).isInstanceOf(DeployFailedException.class)
        .hasMessageContaining("exit 3");

    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(host.exists(deployTo + "/.slipway/staging")).isFalse();
    assertThat(host.list(deployTo + "/releases")).hasSize(1);
    assertThat(releases.source(app("v3")).deploy(host).succeeded()).isTrue();
  }

  @Test
  void a_failed_health_check_switches_back_and_reports_both_errors() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    List<String> restartedOn = Collections.synchronizedList(new ArrayList<>());

    DeployFailedException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
        DeployFailedException.class, () -> releases.source(app("v2"))
            .after(Step.SYMLINK, (h, r) -> {
              restartedOn.add(r.version());
              if (r.version().equals("v1")) {
                throw new IllegalStateException("restart of v1 failed too");
              }
            })
            .healthCheck((h, r) -> {
              throw new IllegalStateException("HTTP 502 from /health");
            }).deploy(host));

    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(restartedOn).containsExactly("v2", "v1");
    HostReport web = failure.report().hosts().get(0);
    assertThat(web.outcome()).isEqualTo(HostReport.Outcome.SWITCHED_BACK);
    assertThat(web.errors()).extracting(Throwable::getMessage).anyMatch(m -> m.contains("HTTP 502"))
        .anyMatch(m -> m.contains("restart of v1 failed too"));
    assertThat(versions(releases)).containsExactly("v2:FAILED", "v1:LIVE");
  }

  @Test
  void a_failed_first_deploy_after_the_switch_leaves_no_current() {
    assertThatThrownBy(() -> releases().source(app("v1")).healthCheck((h, r) -> {
      throw new IllegalStateException("down");
    }).deploy(host)).isInstanceOf(DeployFailedException.class);

    assertThat(host.exists(deployTo + "/current")).isFalse();
    assertThat(host.exists(deployTo + "/.slipway/lock")).isFalse();
  }

  @Test
  void a_second_deploy_fails_at_once_naming_the_holder() throws Exception {
    Releases releases = releases().source(app("v1"));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<DeployReport> first = pool.submit(() -> releases.before(Step.UPDATE_CODE, (h, r) -> {
        holding.countDown();
        done.await(30, TimeUnit.SECONDS);
      }).deploy(host));
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> releases.deploy(host)).isInstanceOfSatisfying(DeployLockedException.class, e -> {
        assertThat(e.stale()).isFalse();
        assertThat(e.holder().orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
      })
          .hasMessageContaining("Deploy already running on web-1")
          .hasMessageContaining(System.getProperty("user.name") + "@")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
      assertThatThrownBy(() -> releases.rollback(host)).isInstanceOf(DeployLockedException.class);
      done.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS).succeeded()).isTrue();
    } finally {
      done.countDown();
      pool.shutdownNow();
    }
    assertThat(host.exists(deployTo + "/.slipway/lock")).isFalse();
  }

  @Test
  void a_stale_lock_is_reported_and_can_be_broken() {
    Releases releases = releases().source(app("v1"));
    LockHolder gone = new LockHolder("alice", LockHolder.controllerName(), deadPid(), Instant.parse(
        "2025-10-21T08:00:00Z"), "deploy", "t");
    host.mkdirs(deployTo + "/.slipway/lock");
    host.write(deployTo + "/.slipway/lock/holder", gone.format());

    assertThatThrownBy(() -> releases.deploy(host)).isInstanceOfSatisfying(DeployLockedException.class,
        e -> assertThat(e.stale()).isTrue()).hasMessageContaining("Stale deploy lock on web-1")
        .hasMessageContaining("alice@").hasMessageContaining("breakLock");
    assertThat(releases.lockHolder(host)).contains(gone);
    assertThat(host.exists(deployTo + "/current")).isFalse();

    releases.breakLock(host);
    assertThat(releases.deploy(host).succeeded()).isTrue();
  }

  private static long deadPid() {
    try {
      Process process = new ProcessBuilder("true").start();
      process.waitFor();
      return process.pid();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_dependency_environment_is_built_once_per_lock_file_hash_and_restored_by_rollback() throws IOException {
    String counter = deployTo + "/builds.log";
    Releases releases = releases().dependencies(DependencyEnvironment.of("venv").lockFiles("requirements.txt")
        .build("mkdir -p {dir}/bin && cp requirements.txt {dir}/frozen.txt && echo built >> " + counter));
    releases.source(app("v1")).deploy(host);
    releases.source(app("v2")).deploy(host);
    assertThat(builds(host, counter)).isEqualTo(1);

    Path changed = controller.resolve("v3");
    Files.createDirectories(changed);
    Files.writeString(changed.resolve("app.py"), "VERSION = 'v3'\n");
    Files.writeString(changed.resolve("requirements.txt"), "flask==3.1\n");
    releases.source(DirectorySource.of(changed).version("v3")).deploy(host);
    assertThat(builds(host, counter)).isEqualTo(2);
    String v3Env = host.readLink(deployTo + "/current/venv").orElseThrow();

    releases.rollback(host);
    String v2Env = host.readLink(deployTo + "/current/venv").orElseThrow();
    assertThat(v2Env).isNotEqualTo(v3Env).startsWith(deployTo + "/.slipway/envs/venv-");
    assertThat(builds(host, counter)).isEqualTo(2);
  }

  @Test
  void a_failed_environment_build_leaves_nothing_that_a_later_deploy_would_reuse() {
    String counter = deployTo + "/builds.log";
    DependencyEnvironment venv = DependencyEnvironment.of("venv").lockFiles("requirements.txt");
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);

    assertThatThrownBy(() -> releases.dependencies(venv.build("mkdir -p {dir} && echo broken >&2 && exit 3"))
        .source(app("v2")).deploy(host)).isInstanceOf(DeployFailedException.class);
    assertThat(host.list(deployTo + "/.slipway/envs")).isEmpty();

    releases.dependencies(venv.build("mkdir -p {dir} && echo built >> " + counter)).source(app("v2")).deploy(host);
    assertThat(builds(host, counter)).isEqualTo(1);
  }

  @Test
  void a_dry_run_deploy_changes_nothing_asks_real_questions_and_says_what_it_cannot_know() throws IOException {
    DependencyEnvironment venv = DependencyEnvironment.of("venv").lockFiles("requirements.txt")
        .build("mkdir -p {dir}");
    Releases releases = releases().sharedDirs("data").dependencies(venv);
    releases.source(app("v1")).deploy(host);
    List<Release> before = releases.releases(host);
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    DeployReport report = releases.source(app("v2")).after(Step.SYMLINK, (h, release) -> {
      seen.add("env " + release.metadata().get("env.venv"));
      seen.add("releases dir " + h.test("test -d %s", deployTo + "/releases"));
      seen.add("missing file " + h.test("test -e %s || exit 3", deployTo + "/no-such-file"));
    }).healthCheck((h, release) -> {
      throw new IllegalStateException("a dry run switched nothing, so there is nothing to check");
    }).deploy(host.dryRun());

    HostReport web = report.hosts().get(0);
    assertThat(web.outcome()).isEqualTo(HostReport.Outcome.DRY_RUN);
    assertThat(web.unknown()).singleElement().asString().startsWith("health check of ").endsWith("not run, nothing was switched");
    assertThat(web.describe()).contains("unknown: health check of ");
    assertThat(seen).containsExactly("env " + before.get(0).metadata().get("env.venv"), "releases dir true",
        "missing file false");
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(releases.releases(host)).isEqualTo(before);
    assertThat(releases.history(host)).hasSize(1);
    assertThat(host.exists(deployTo + "/.slipway/lock")).isFalse();
  }

  @Test
  void a_deploy_without_hooks_needs_few_round_trips() {
    List<Event> events = Collections.synchronizedList(new ArrayList<>());
    releases().sharedDirs("log").source(app("v1")).deploy(host);
    releases().sharedDirs("log").source(app("v2")).listener(events::add).deploy(host);

    long commands = events.stream().filter(CommandEvent.class::isInstance).count();
    System.out.printf("%s: %d exec round trips for a deploy without hooks%n", getClass().getSimpleName(), commands);
    assertThat(commands).isLessThanOrEqualTo(5);
  }

  @Test
  void step_events_report_each_step_start_and_end() {
    List<StepEvent> events = Collections.synchronizedList(new ArrayList<>());
    releases().source(app("v1")).listener(event -> {
      if (event instanceof StepEvent step) {
        events.add(step);
      }
    }).deploy(host);

    assertThat(events).hasSize(Step.values().length * 2);
    assertThat(events).allMatch(e -> e.host().equals("web-1") && e.release().value().equals("20251022090000"));
    assertThat(events.get(0).step()).isEqualTo(Step.SETUP);
    assertThat(events.get(events.size() - 1)).matches(e -> e.step() == Step.CLEANUP
        && e.status() == StepEvent.Status.SUCCEEDED && !e.duration().isNegative());
    assertThat(Duration.ZERO).isEqualTo(events.get(0).duration());
  }
}
