package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.Operation;
import dev.slipway.testing.FakeHost;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A source whose install operations are a fast path: when one fails, the release manager empties
 * the staging directory, lets the source install its own way and sends the rest of the batch.
 */
class InstallFallbackTest {
  private final FakeHost host = FakeHost.named("web-1").lenient()
      .when(command -> command.contains("exit 3")).thenFail(3, "no previous release to update");
  private final Releases releases = Releases.at("/srv/app").sharedDirs("data");

  @Test
  void a_failed_install_operation_falls_back_to_the_sources_install_in_an_empty_staging_directory() {
    releases.source(() -> new FastPath("v1", true, true)).deploy(host);
    FastPath v2 = new FastPath("v2", false, true);

    DeployReport report = releases.source(() -> v2).deploy(host);

    assertThat(report.succeeded()).isTrue();
    assertThat(v2.installs).hasValue(1);
    assertThat(host.readString("/srv/app/current/app.py")).isEqualTo("VERSION = 'v2'\n");
    assertThat(host.exists("/srv/app/current/half-updated")).isFalse();
    assertThat(host.readLink("/srv/app/current/data")).contains("/srv/app/shared/data");
    assertThat(host.exists("/srv/app/.slipway/lock")).isFalse();
  }

  @Test
  void when_the_sources_install_fails_too_the_deploy_fails_where_the_batch_was_sent() {
    releases.source(() -> new FastPath("v1", true, true)).deploy(host);
    FastPath v2 = new FastPath("v2", false, false);

    DeployFailedException failed = catchThrowableOfType(DeployFailedException.class,
        () -> releases.source(() -> v2).deploy(host));

    assertThat(failed.report().hosts().get(0).failedIn()).contains(Step.PREPARE);
    assertThat(failed.report().hosts().get(0).errors().get(0)).hasMessageContaining("clone failed");
    assertThat(host.readString("/srv/app/current/app.py")).isEqualTo("VERSION = 'v1'\n");
    assertThat(host.exists("/srv/app/.slipway/lock")).isFalse();
  }

  /** Installs by operations that work only when {@code fastPathWorks}, or by writing its file itself. */
  private static final class FastPath implements ResolvedSource {
    private final String version;
    private final boolean fastPathWorks;
    private final boolean installWorks;
    private final AtomicInteger installs = new AtomicInteger();

    FastPath(String version, boolean fastPathWorks, boolean installWorks) {
      this.version = version;
      this.fastPathWorks = fastPathWorks;
      this.installWorks = installWorks;
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public String describe() {
      return "fast path " + version;
    }

    @Override
    public Optional<List<Operation>> installOperations(InstallTarget target) {
      return Optional.of(List.of(new Operation.WriteFile(target.directory() + "/half-updated", "", 0644),
          new Operation.Exec(Command.shell(fastPathWorks ? "true" : "echo 'no previous release' >&2; exit 3")),
          new Operation.WriteFile(target.directory() + "/app.py", "VERSION = '" + version + "'\n", 0644)));
    }

    @Override
    public void install(Host host, InstallTarget target) {
      installs.incrementAndGet();
      if (!installWorks) {
        throw new ReleaseException("clone failed");
      }
      assertThat(host.list(target.directory())).as("the staging directory, emptied").isEmpty();
      host.write(target.directory() + "/app.py", "VERSION = '" + version + "'\n");
    }
  }
}
