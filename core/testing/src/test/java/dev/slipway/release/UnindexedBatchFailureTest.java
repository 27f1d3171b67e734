package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.testing.FakeHost;
import dev.slipway.testing.UnexpectedCommandException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A batch that stops where no operation's index says (here a strict fake's unscripted command;
 * a lost reply alike) blames no step of it: the step running when it was sent fails, if there is
 * one, and the steps whose ends it held end unreported, since how they went on the host is unknown.
 */
class UnindexedBatchFailureTest {
  private static final String UNSCRIPTED = "notify-chat deployed";

  private final FakeHost web = FakeHost.named("web-1");
  private final List<String> steps = new ArrayList<>();
  private final Releases releases = Releases.at("/srv/app").listener(event -> {
    if (event instanceof StepEvent step) {
      steps.add(step.step().hookName() + " " + step.status().name().toLowerCase());
    }
  });

  @Test
  void a_batch_sent_after_the_steps_blames_none_of_them_and_goes_back() {
    releases.source(() -> new OneFile("v1")).deploy(web);
    steps.clear();

    HostReport report = failedDeploy(releases.after(Step.SYMLINK, command(UNSCRIPTED)));

    assertThat(report.failedIn()).isEmpty();
    assertThat(report.errors().get(0)).isInstanceOf(UnexpectedCommandException.class);
    assertThat(report.toString()).doesNotContain("failed in");
    assertThat(steps).containsSubsequence("symlink-shared succeeded", "prepare started", "symlink started",
        "deployed started").noneMatch(step -> step.matches("(prepare|symlink|deployed) (succeeded|failed)"));
    assertThat(web.fs().readString("/srv/app/current/app.py")).isEqualTo("v1");
    assertThat(web.exists("/srv/app/.slipway/lock")).isFalse();
  }

  @Test
  void a_batch_sent_in_a_step_fails_that_step_not_the_first_it_holds() {
    releases.source(() -> new OneFile("v1")).deploy(web);
    steps.clear();

    HostReport report = failedDeploy(releases.after(Step.UPDATE_CODE, command(UNSCRIPTED))
        .before(Step.PREPARE, (host, release) -> { }));

    assertThat(report.failedIn()).contains(Step.PREPARE);
    assertThat(steps).containsSubsequence("update-code started", "symlink-shared started", "prepare started",
        "prepare failed").doesNotContain("update-code failed", "update-code succeeded", "symlink-shared succeeded");
    assertThat(web.fs().readString("/srv/app/current/app.py")).isEqualTo("v1");
    assertThat(web.exists("/srv/app/.slipway/lock")).isFalse();
  }

  private HostReport failedDeploy(Releases plan) {
    return catchThrowableOfType(DeployFailedException.class, () -> plan.source(() -> new OneFile("v2")).deploy(web))
        .report().hosts().get(0);
  }

  private static Hook command(String line) {
    return new Hook() {
      @Override
      public void run(Host host, Release release) {
        throw new AssertionError("run instead of sent as a command");
      }

      @Override
      public Optional<Command> asCommand(Host host, Release release) {
        return Optional.of(Command.shell(line));
      }
    };
  }
}
