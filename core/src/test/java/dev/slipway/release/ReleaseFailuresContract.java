package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How deploys and rollbacks fail, on each kind of host: whatever user code throws is a failed step
 * that is cleaned up, unlocked and recorded; exceptions and reports say what really happened.
 */
abstract class ReleaseFailuresContract extends ReleasesFixture {

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
}
