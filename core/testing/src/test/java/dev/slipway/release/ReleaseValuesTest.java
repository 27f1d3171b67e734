package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.release.deps.DependencyEnvironment;
import dev.slipway.testing.FakeHost;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small values: layout validation, ids, rollouts, the registry format. */
class ReleaseValuesTest {
  private static final Clock NOON = Clock.fixed(Instant.parse("2025-10-22T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "/", "//", "opt/app", "/opt/../etc", "/opt/./app", "/opt//app", "/opt/app/"})
  void unsafe_deploy_paths_are_refused_with_the_fix(String deployTo) {
    assertThatThrownBy(() -> Releases.at(deployTo)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deployTo").hasMessageContaining("/opt/flask-demo");
  }

  @Test
  void shared_paths_are_replaced_by_their_setter_and_appended_by_its_add_form() {
    Releases base = Releases.at("/opt/app").sharedDirs("log").sharedFiles(".env");

    assertThat(base.sharedDirs("data").sharedDirs).containsExactly("data");
    assertThat(base.addSharedDirs("data", "tmp").sharedDirs).containsExactly("log", "data", "tmp");
    assertThat(base.sharedFiles("config/app.ini").sharedFiles).containsExactly("config/app.ini");
    assertThat(base.addSharedFiles("config/app.ini").sharedFiles).containsExactly(".env", "config/app.ini");
    assertThat(base.sharedDirs).containsExactly("log");
    assertThatThrownBy(() -> base.addSharedDirs("../etc")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_layout_names_every_path_under_deploy_to() {
    ReleaseLayout layout = ReleaseLayout.at("/opt/flask-demo");

    assertThat(layout.release(new ReleaseId("20251022090030"))).isEqualTo("/opt/flask-demo/releases/20251022090030");
    assertThat(layout.current()).isEqualTo("/opt/flask-demo/current");
    assertThat(layout.shared("venv")).isEqualTo("/opt/flask-demo/shared/venv");
    assertThat(layout.registry()).isEqualTo("/opt/flask-demo/.slipway/releases");
    assertThat(layout.lock()).isEqualTo("/opt/flask-demo/.slipway/lock");
  }

  @Test
  void ids_are_utc_seconds_with_a_suffix_only_on_collision() {
    assertThat(ReleaseId.at(NOON, List.of()).value()).isEqualTo("20251022120000");
    assertThat(ReleaseId.at(NOON, List.of(new ReleaseId("20251022120000"))).value()).isEqualTo("20251022120000-2");
    assertThat(ReleaseId.at(NOON, List.of(new ReleaseId("20251022120000"), new ReleaseId("20251022120000-2")))
        .value()).isEqualTo("20251022120000-3");
  }

  @Test
  void ids_sort_by_time_then_suffix() {
    List<ReleaseId> ids = List.of(new ReleaseId("20251022120001"), new ReleaseId("20251022120000-10"),
        new ReleaseId("20251022120000-2"), new ReleaseId("20251022120000"));

    assertThat(ids.stream().sorted().map(ReleaseId::value)).containsExactly(
        "20251022120000", "20251022120000-2", "20251022120000-10", "20251022120001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025102212000", "20251022120000-0", "20251022120000-", "v2", "../20251022120000"})
  void malformed_ids_are_refused(String id) {
    assertThatThrownBy(() -> new ReleaseId(id)).hasMessageContaining("yyyyMMddHHmmss");
  }

  @Test
  void rollouts_cut_hosts_into_batches() {
    List<String> hosts = List.of("a", "b", "c", "d", "e");

    assertThat(Rollout.allAtOnce().batches(hosts)).containsExactly(hosts);
    assertThat(Rollout.batchesOf(2).batches(hosts)).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(Rollout.percent(40).batches(hosts)).hasSize(3);
    assertThat(Rollout.percent(40).withMaxFailurePercent(20).exceeded(1, 5)).isFalse();
    assertThat(Rollout.percent(40).withMaxFailurePercent(20).exceeded(2, 5)).isTrue();
    assertThatThrownBy(() -> Rollout.batchesOf(0)).hasMessageContaining(">= 1");
  }

  @Test
  void the_registry_keeps_every_field_through_a_round_trip() {
    ReleaseLayout layout = ReleaseLayout.at("/srv/app");
    Release release = new Release(new ReleaseId("20251022120000"), "v2 \"beta\"\tä=%", "git v2 (3f2a9c1)",
        Optional.of("3f2a9c1"), "alice@laptop", Instant.parse("2025-10-22T12:00:00Z"), ReleaseState.ROLLED_BACK,
        layout.release(new ReleaseId("20251022120000")), Map.of("env.venv", "venv-0123"));

    ReleaseId failedId = new ReleaseId("20251022120100");
    Release keptAside = new Release(failedId, "v3", "git v3", Optional.empty(), "bob@ci", release.deployedAt(),
        ReleaseState.FAILED, layout.failed(failedId), Map.of());

    String text = Registry.format(List.of(release, keptAside), layout);

    assertThat(text.lines().filter(line -> !line.startsWith("#"))).hasSize(2);
    assertThat(text).contains("dir=.slipway%2Ffailed%2F20251022120100");
    assertThat(Registry.parse(text, layout)).containsExactly(release, keptAside);
  }

  @Test
  void an_unreadable_registry_line_is_named() {
    assertThatThrownBy(() -> Registry.parse("id=nonsense\n", ReleaseLayout.at("/srv/app")))
        .hasMessageContaining("/srv/app/.slipway/releases").hasMessageContaining("id=nonsense");
  }

  @Test
  void a_deploy_without_a_source_says_how_to_give_one() {
    assertThatThrownBy(() -> Releases.at("/srv/app").deploy(FakeHost.named("web-1")))
        .isInstanceOf(ReleaseException.class).hasMessageContaining("call source(");
  }

  @Test
  void an_incomplete_dependency_environment_is_refused_naming_the_missing_part() {
    assertThatThrownBy(() -> Releases.at("/srv/app").dependencies(DependencyEnvironment.of("venv").build("make")))
        .hasMessageContaining("lockFiles(");
    assertThatThrownBy(() -> Releases.at("/srv/app").dependencies(DependencyEnvironment.of("venv")
        .lockFiles("requirements.txt"))).hasMessageContaining("build(");
  }

  @Test
  void lock_files_given_again_replace_those_given_before() {
    DependencyEnvironment venv = DependencyEnvironment.of("venv").lockFiles("requirements.txt", "constraints.txt");

    assertThat(venv.lockFiles("poetry.lock").lockFilePaths()).containsExactly("poetry.lock");
    assertThat(venv.lockFilePaths()).containsExactly("requirements.txt", "constraints.txt");
  }

  @Test
  void the_environment_key_changes_with_lock_files_command_and_facts_and_the_build_is_quoted() {
    DependencyEnvironment venv = DependencyEnvironment.of("venv").lockFiles("requirements.txt")
        .build("python3 -m venv {dir} && {dir}/bin/pip install -r requirements.txt");
    List<byte[]> flask3 = List.of("flask==3.0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<byte[]> flask31 = List.of("flask==3.1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(venv.key(flask3)).isEqualTo(venv.key(flask3)).startsWith("venv-").hasSize(21);
    assertThat(venv.key(flask31)).isNotEqualTo(venv.key(flask3));
    assertThat(venv.keyedBy("python3.12").key(flask3)).isNotEqualTo(venv.key(flask3));
    assertThat(venv.buildCommand("/srv/my app/.slipway/envs/venv-1", "/srv/my app/next").render())
        .isEqualTo("cd '/srv/my app/next' && {\npython3 -m venv '/srv/my app/.slipway/envs/venv-1' && "
            + "'/srv/my app/.slipway/envs/venv-1'/bin/pip install -r requirements.txt\n}");
  }
}
