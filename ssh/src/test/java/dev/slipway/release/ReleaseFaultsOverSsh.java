package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.release.source.DirectorySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deploys over SSH whose connection drops in each step in turn, and the exec channels a deploy
 * costs, counted by the server. Subclasses say which drops their server can inject: a drop is
 * armed when a step starts and hits the first exec command at or after that moment. A one-host
 * deploy sends setup to unlock in one batch after the lock, and its later steps start for listeners
 * once that batch returned: a drop armed in setup cuts that batch, one armed later finds no command.
 */
abstract class ReleaseFaultsOverSsh {
  /** Drops every connection at once, between commands. */
  static final String BETWEEN_COMMANDS = "between commands";

  @TempDir
  Path machine;
  @TempDir
  Path controller;
  private final List<Host> opened = new ArrayList<>();
  private int deployDirectories;

  /** A new host on the server under test. */
  protected abstract Host newHost(String name);

  /** The drops this server can inject, {@link #BETWEEN_COMMANDS} at least. */
  protected abstract List<String> drops();

  /** Arms {@code drop}, one of {@link #drops()}. */
  protected abstract void arm(String drop);

  /** Disarms a drop no command has triggered. */
  protected abstract void disarm();

  /** How many exec channels the server has opened so far. */
  protected abstract int execChannels();

  /** Makes {@code directory} usable by the login user. */
  protected void prepare(Path directory) {
  }

  @AfterEach
  void disconnect() {
    disarm();
    opened.forEach(Host::close);
  }

  @ParameterizedTest
  @EnumSource(Step.class)
  void a_dropped_connection_leaves_a_complete_live_release_intact_shared_files_and_no_lock(Step step) {
    for (String drop : drops()) {
      dropAndCheck(step, drop, Releases.at(newDeployDirectory()).sharedDirs("data"));
    }
  }

  @Test
  void a_connection_dropped_in_the_one_trip_with_a_reload_and_a_check_leaves_a_complete_live_release_and_no_lock() {
    for (String drop : drops()) {
      dropAndCheck(Step.SETUP, drop, withReloadAndCheck(Releases.at(newDeployDirectory()).sharedDirs("data")));
    }
  }

  // A drop armed as `step` starts, in the deploy of v2 after v1; a v3 must deploy after it.
  private void dropAndCheck(Step step, String drop, Releases releases) {
    String deployTo = releases.layout().deployTo();
    Host host = connect();
    releases.source(app("v1")).deploy(host);
    host.write(deployTo + "/shared/data/db.sqlite", "rows");

    String outcome = deployCatching(host, armedAt(step, drop, releases.source(app("v2"))));
    disarm();

    Host fresh = connect();
    String live = fresh.readLink(deployTo + "/current").orElseThrow();
    System.out.printf("%s: drop in %s %s: %s; live %s%n", getClass().getSimpleName(), step, drop, outcome,
        live.substring(live.lastIndexOf('/') + 1));
    assertThat(fresh.readString(live + "/app.py")).isIn("VERSION = 'v1'\n", "VERSION = 'v2'\n");
    assertThat(fresh.readString(deployTo + "/shared/data/db.sqlite")).isEqualTo("rows");
    assertThat(releases.releases(fresh)).filteredOn(r -> r.state() == ReleaseState.LIVE)
        .singleElement().matches(r -> live.equals(r.directory()), "the registry's live release is current's");
    assertThat(releases.lockHolder(fresh)).isEmpty();
    assertThat(fresh.list(deployTo + "/releases")).allMatch(dir -> fresh.exists(dir.path() + "/app.py"));
    assertThat(releases.source(app("v3")).deploy(fresh).succeeded()).isTrue();
    assertThat(fresh.readString(deployTo + "/current/app.py")).isEqualTo("VERSION = 'v3'\n");
    assertThat(fresh.readString(deployTo + "/current/data/db.sqlite")).isEqualTo("rows");
  }

  // An after-symlink hook and a health check that are commands, both reading the live app.
  private static Releases withReloadAndCheck(Releases releases) {
    String app = releases.layout().current() + "/app.py";
    return releases.after(Step.SYMLINK, CommandHooksContract.command("test -f " + app))
        .healthCheck(CommandHooksContract.check("grep -q VERSION " + app));
  }

  @Test
  void a_connection_dropped_while_taking_the_lock_leaves_no_lock_behind() {
    for (String drop : drops()) {
      Releases releases = Releases.at(newDeployDirectory());
      Host host = connect();
      releases.source(app("v1")).deploy(host);
      arm(drop);

      String outcome = deployCatching(host, releases.source(app("v2")));
      disarm();

      Host fresh = connect();
      System.out.printf("%s: drop while locking %s: %s%n", getClass().getSimpleName(), drop, outcome);
      assertThat(releases.lockHolder(fresh)).isEmpty();
      assertThat(releases.source(app("v3")).deploy(fresh).succeeded()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Step.class, names = {"SYMLINK", "DEPLOYED"})
  void a_connection_dropped_during_a_rollback_leaves_current_and_the_registry_agreeing_and_no_lock(Step step) {
    for (String drop : drops()) {
      Releases releases = Releases.at(newDeployDirectory());
      String deployTo = releases.layout().deployTo();
      Host host = connect();
      releases.source(app("v1")).deploy(host);
      releases.source(app("v2")).deploy(host);

      String outcome = rollbackCatching(host, armedAt(step, drop, releases));
      disarm();

      Host fresh = connect();
      String live = fresh.readLink(deployTo + "/current").orElseThrow();
      System.out.printf("%s: drop in rollback %s %s: %s; live %s%n", getClass().getSimpleName(), step, drop, outcome,
          fresh.readString(live + "/app.py").trim());
      assertThat(releases.releases(fresh)).filteredOn(r -> r.state() == ReleaseState.LIVE)
          .singleElement().matches(r -> live.equals(r.directory()), "the registry's live release is current's");
      if (outcome.startsWith("rolled back")) {
        assertThat(fresh.readString(live + "/app.py")).isEqualTo("VERSION = 'v1'\n");
      }
      assertThat(releases.lockHolder(fresh)).isEmpty();
      assertThat(releases.source(app("v3")).deploy(fresh).succeeded()).isTrue();
      assertThat(fresh.readString(deployTo + "/current/app.py")).isEqualTo("VERSION = 'v3'\n");
    }
  }

  @Test
  void a_deploy_without_hooks_opens_two_exec_channels_and_a_rollback_two() {
    Releases releases = Releases.at(newDeployDirectory()).sharedDirs("log").sharedFiles("config/app.ini");

    int[] channels = deployAndRollBack(releases);

    System.out.printf("%s: %d exec channels for a deploy without hooks, %d for a rollback%n",
        getClass().getSimpleName(), channels[0], channels[1]);
    assertThat(channels[0]).isBetween(1, 2);
    assertThat(channels[1]).isBetween(1, 2);
  }

  @Test
  void a_deploy_whose_reload_and_health_check_are_commands_opens_at_most_three_exec_channels() {
    Releases releases = withReloadAndCheck(Releases.at(newDeployDirectory()).sharedDirs("log"));

    int[] channels = deployAndRollBack(releases);

    System.out.printf("%s: %d exec channels for a deploy with a reload and a health check, %d for a rollback%n",
        getClass().getSimpleName(), channels[0], channels[1]);
    assertThat(channels[0]).isBetween(1, 3);
    assertThat(channels[1]).isBetween(1, 2);
  }

  // The exec channels of a second deploy and of the rollback after it.
  private int[] deployAndRollBack(Releases releases) {
    Host host = connect();
    releases.source(app("v1")).deploy(host);
    int beforeDeploy = execChannels();
    releases.source(app("v2")).deploy(host);
    int deploy = execChannels() - beforeDeploy;
    int beforeRollback = execChannels();
    releases.rollback(host);
    String live = host.readLink(releases.layout().current()).orElseThrow();
    assertThat(host.readString(live + "/app.py")).isEqualTo("VERSION = 'v1'\n");
    return new int[] {deploy, execChannels() - beforeRollback};
  }

  private String newDeployDirectory() {
    Path dir = machine.resolve("host-" + ++deployDirectories);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    prepare(dir);
    return dir.resolve("opt/flask-demo").toString();
  }

  /** {@code releases} arming {@code drop} as {@code step} starts. */
  private Releases armedAt(Step step, String drop, Releases releases) {
    return releases.listener(event -> {
      if (event instanceof StepEvent s && s.step() == step && s.status() == StepEvent.Status.STARTED) {
        arm(drop);
      }
    });
  }

  private static String deployCatching(Host host, Releases releases) {
    try {
      return "deployed " + releases.deploy(host).release().orElseThrow();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
    }
  }

  private static String rollbackCatching(Host host, Releases releases) {
    try {
      return "rolled back to " + releases.rollback(host).release().orElseThrow();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
    }
  }

  private Host connect() {
    Host created = newHost("web-1");
    opened.add(created);
    return created;
  }

  private DirectorySource app(String version) {
    try {
      Path dir = Files.createTempDirectory(controller, "app-" + version);
      Files.writeString(dir.resolve("app.py"), "VERSION = '" + version + "'\n");
      return DirectorySource.of(dir).version(version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
