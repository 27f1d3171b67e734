package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.release.source.DirectorySource;
import dev.slipway.ssh.EmbeddedSshServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deploys over SSH whose connection drops in each step in turn, and the round trips a deploy costs,
 * counted by the embedded server. A drop comes as the first exec command at or after the step's
 * start arrives (it never runs), as that command ends (it ran, its outcome is lost), or at the step's
 * start between commands.
 */
class MinaSshReleaseFaultsTest {
  @TempDir
  static Path serverDir;
  static EmbeddedSshServer server;

  @TempDir
  Path machine;
  @TempDir
  Path controller;
  Host host;
  String deployTo;
  private final List<Host> opened = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = EmbeddedSshServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void connect() {
    host = connect("web-1");
    deployTo = machine.resolve("opt/flask-demo").toString();
  }

  @AfterEach
  void disconnect() {
    server.disarm();
    opened.forEach(Host::close);
  }

  static Stream<Arguments> dropsInEachStep() {
    List<Arguments> drops = new ArrayList<>();
    for (Step step : Step.values()) {
      drops.add(Arguments.of(step, "before the next command runs"));
      drops.add(Arguments.of(step, "after the next command ran"));
      drops.add(Arguments.of(step, "between commands"));
    }
    return drops.stream();
  }

  @ParameterizedTest(name = "{0}: drop {1}")
  @MethodSource("dropsInEachStep")
  void a_dropped_connection_leaves_a_complete_live_release_intact_shared_files_and_a_usable_lock(Step step,
      String when) {
    Releases releases = Releases.at(deployTo).sharedDirs("data");
    releases.source(app("v1")).deploy(host);
    host.write(deployTo + "/shared/data/db.sqlite", "rows");
    Consumer<Step> drop = started -> {
      if (started == step) {
        inject(when);
      }
    };

    String outcome = deployCatching(releases.source(app("v2")).listener(event -> {
      if (event instanceof StepEvent s && s.status() == StepEvent.Status.STARTED) {
        drop.accept(s.step());
      }
    }));
    server.disarm();

    Host fresh = connect("web-1");
    String live = fresh.readLink(deployTo + "/current").orElseThrow();
    System.out.printf("drop in %s %s: %s; live %s; lock %s%n", step, when, outcome, live,
        releases.lockHolder(fresh).map(LockHolder::describe).orElse("released"));
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

  @ParameterizedTest(name = "drop {0}")
  @ValueSource(strings = {"before the next command runs", "after the next command ran"})
  void a_connection_dropped_while_taking_the_lock_leaves_no_lock_behind(String when) {
    Releases releases = Releases.at(deployTo);
    releases.source(app("v1")).deploy(host);
    inject(when);

    String outcome = deployCatching(releases.source(app("v2")));
    server.disarm();

    Host fresh = connect("web-1");
    System.out.printf("drop while locking %s: %s; lock %s%n", when, outcome,
        releases.lockHolder(fresh).map(LockHolder::describe).orElse("released"));
    assertThat(releases.lockHolder(fresh)).isEmpty();
    assertThat(fresh.readString(deployTo + "/current/app.py")).isEqualTo("VERSION = 'v1'\n");
    assertThat(releases.source(app("v3")).deploy(fresh).succeeded()).isTrue();
  }

  @Test
  void a_deploy_without_hooks_opens_few_exec_channels_and_a_rollback_fewer() {
    Releases releases = Releases.at(deployTo).sharedDirs("log").sharedFiles("config/app.ini");
    releases.source(app("v1")).deploy(host);

    int beforeDeploy = server.commandsReceived();
    releases.source(app("v2")).deploy(host);
    int deploy = server.commandsReceived() - beforeDeploy;
    int beforeRollback = server.commandsReceived();
    releases.rollback(host);
    int rollback = server.commandsReceived() - beforeRollback;

    System.out.printf("MINA SSHD: %d exec channels for a deploy without hooks, %d for a rollback%n", deploy, rollback);
    assertThat(deploy).isLessThanOrEqualTo(5);
    assertThat(rollback).isLessThanOrEqualTo(3);
  }

  private void inject(String when) {
    switch (when) {
      case "before the next command runs" -> server.dropBeforeNextCommand();
      case "after the next command ran" -> server.dropAfterNextCommand();
      default -> server.dropConnections();
    }
  }

  private String deployCatching(Releases releases) {
    try {
      return "deployed " + releases.deploy(host).release();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
    }
  }

  private Host connect(String name) {
    Host created = server.host(name).build();
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
