package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How deploys and rollbacks fail, on each kind of host: whatever user code throws is a failed step
 * that is cleaned up, unlocked and recorded; exceptions, reports and the history say what really
 * happened.
 */
abstract class ReleaseFailuresContract extends CommandHooksContract {

  @ParameterizedTest
  @EnumSource(Step.class)
  void an_error_from_a_hook_in_any_step_is_rethrown_after_cleanup_and_unlock(Step failing) {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    for (boolean before : List.of(true, false)) {
      Hook boom = (h, r) -> {
        throw new AssertionError("assertion in " + failing);
      };
      Releases broken = before ? releases.before(failing, boom) : releases.after(failing, boom);

      Throwable thrown = catchThrowable(() -> broken.source(app("v2")).deploy(host));

      assertThat(thrown).isExactlyInstanceOf(AssertionError.class).hasMessage("assertion in " + failing);
      assertThat(thrown.getSuppressed()).hasAtLeastOneElementOfType(DeployFailedException.class);
      assertUnlockedWithoutStaging();
      if (failing != Step.CLEANUP) {
        assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
      }
    }
    assertThat(releases.source(app("v3")).deploy(host).succeeded()).isTrue();
  }

  @Test
  void an_error_from_a_health_check_switches_back_unlocks_and_is_rethrown() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);

    Throwable thrown = catchThrowable(() -> releases.source(app("v2")).healthCheck((h, r) -> {
      throw new AssertionError("unhealthy");
    }).deploy(host));

    assertThat(thrown).isExactlyInstanceOf(AssertionError.class).hasMessage("unhealthy");
    assertThat(liveVersion()).isEqualTo("VERSION = 'v1'");
    assertThat(versions(releases)).containsExactly("v2:FAILED", "v1:LIVE");
    assertUnlockedWithoutStaging();
    assertThat(releases.source(app("v3")).deploy(host).succeeded()).isTrue();
  }

  @Test
  void an_error_from_a_rollback_hook_is_rethrown_after_unlock() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    releases.source(app("v2")).deploy(host);

    Throwable thrown = catchThrowable(() -> releases.after(Step.SYMLINK, (h, r) -> {
      throw new AssertionError("restart failed");
    }).rollback(host));

    assertThat(thrown).isExactlyInstanceOf(AssertionError.class).hasMessage("restart failed");
    assertUnlockedWithoutStaging();
    assertThat(releases.rollbackTo(host, "v2").succeeded()).isTrue();
  }

  @Test
  void a_deploy_that_cannot_take_the_lock_reports_no_release_id() {
    host.mkdirs(deployTo);
    host.write(deployTo + "/.slipway", "a file where the state directory belongs");

    Throwable thrown = catchThrowable(() -> releases().source(app("v1")).deploy(host));

    assertThat(thrown).isInstanceOfSatisfying(DeployFailedException.class, e -> {
      assertThat(e.report().release()).isEmpty();
      assertThat(e.report().describe()).startsWith("v1 (no release made) in ");
    });
    assertThat(thrown.getMessage()).doesNotContain("20251022");
  }

  @Test
  void a_release_that_failed_before_the_switch_is_kept_aside_for_inspection_and_trimmed_at_once() {
    Releases releases = releases().keepFailed(2);
    releases.source(app("v1")).deploy(host);
    for (String failing : List.of("f1", "f2", "f3")) {
      catchThrowable(() -> releases.source(app(failing)).after(Step.UPDATE_CODE, (h, r) -> {
        throw new IllegalStateException("migration failed");
      }).deploy(host));
    }
    catchThrowable(() -> releases.source(app("f4")).healthCheck((h, r) -> {
      throw new IllegalStateException("HTTP 500");
    }).deploy(host));

    List<Release> failed = releases.releases(host).stream().filter(r -> r.state() == ReleaseState.FAILED).toList();
    assertThat(failed).extracting(Release::version).containsExactly("f4", "f3");
    assertThat(failed.get(1).directory()).isEqualTo(deployTo + "/.slipway/failed/" + failed.get(1).id());
    assertThat(host.readString(failed.get(1).directory() + "/app.py")).isEqualTo("VERSION = 'f3'\n");
    assertThat(releases.releases(host)).allMatch(r -> host.exists(r.directory() + "/app.py"));
    assertThat(host.list(deployTo + "/.slipway/failed")).hasSize(1);
    assertUnlockedWithoutStaging();
  }

  @Test
  void with_keep_failed_zero_a_failed_release_leaves_neither_files_nor_a_listing() {
    Releases releases = releases().keepFailed(0);
    releases.source(app("v1")).deploy(host);

    catchThrowable(() -> releases.source(app("f1")).before(Step.PREPARE, (h, r) -> {
      throw new IllegalStateException("broken build");
    }).deploy(host));

    assertThat(versions(releases)).containsExactly("v1:LIVE");
    assertThat(host.exists(deployTo + "/.slipway/failed")).isFalse();
  }

  @Test
  void the_history_lists_deploys_a_failure_a_rollback_and_a_broken_lock_with_their_users() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    releases.source(app("v2")).deploy(host);
    catchThrowable(() -> releases.source(app("v3")).healthCheck((h, r) -> {
      throw new IllegalStateException("HTTP 500");
    }).deploy(host));
    releases.deployedBy("bob@laptop").rollback(host);
    host.mkdirs(deployTo + "/.slipway/lock");
    host.write(deployTo + "/.slipway/lock/holder", new LockHolder("carol", "ci", 77,
        java.time.Instant.parse("2025-10-21T08:00:00Z"), "deploy", "t").format());
    releases.deployedBy("dave@ops").breakLock(host);

    List<HistoryEntry> history = releases.history(host);

    assertThat(history).extracting(HistoryEntry::kind, HistoryEntry::by).containsExactly(
        tuple(HistoryEntry.Kind.DEPLOY, "tester@controller"), tuple(HistoryEntry.Kind.DEPLOY, "tester@controller"),
        tuple(HistoryEntry.Kind.FAILED_DEPLOY, "tester@controller"), tuple(HistoryEntry.Kind.ROLLBACK, "bob@laptop"),
        tuple(HistoryEntry.Kind.BROKEN_LOCK, "dave@ops"));
    assertThat(history.get(0).describe())
        .isEqualTo("2025-10-22T09:00:01Z  deploy  tester@controller  none -> 20251022090000 (v1)");
    assertThat(history.get(2).describe()).startsWith("2025-10-22T09:00:03Z  failed deploy  tester@controller"
        + "  20251022090001 -> 20251022090002 (v3): switched back, failed in deployed: ").endsWith("HTTP 500");
    assertThat(history.get(3).describe())
        .isEqualTo("2025-10-22T09:00:03Z  rollback  bob@laptop  20251022090001 -> 20251022090000 (v1)");
    assertThat(history.get(4).describe())
        .isEqualTo("2025-10-22T09:00:03Z  broken lock  dave@ops  held by carol@ci pid 77 since 2025-10-21T08:00:00Z"
            + " (deploy)");
    assertThat(host.exists(deployTo + "/.slipway/lock")).isFalse();
  }

  @Test
  void a_switch_back_reports_that_it_re_ran_the_after_symlink_hooks_for_the_old_release_and_their_time() {
    Releases releases = releases();
    releases.source(app("v1")).deploy(host);
    List<String> restarted = new java.util.concurrent.CopyOnWriteArrayList<>();

    Throwable thrown = catchThrowable(() -> releases.source(app("v2"))
        .after(Step.SYMLINK, (h, r) -> restarted.add(r.version()))
        .healthCheck((h, r) -> {
          throw new IllegalStateException("HTTP 502");
        }).deploy(host));

    HostReport web = ((DeployFailedException) thrown).report().hosts().get(0);
    assertThat(restarted).containsExactly("v2", "v1");
    assertThat(web.switchBackHooks()).hasValueSatisfying(took -> assertThat(took.isNegative()).isFalse());
    assertThat(web.describe()).startsWith("web-1: switched back in deployed, live 20251022090000, after-symlink hooks"
        + " re-run for it in ").contains(" ms (").endsWith("HTTP 502)");
  }
}
