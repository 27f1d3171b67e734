package dev.slipway.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.recipe.ExitStatus;
import dev.slipway.recipe.Recipe;
import dev.slipway.release.LockHolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workshop's commands on this machine, as a user types them: first the whole sequence
 * ({@code ./workshop} without arguments), then each command on the releases it left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkshopCommandsLocalTest {
  @TempDir
  static Path workshop;
  private Path deployTo;
  private Recipe recipe;

  @BeforeAll
  void workshopRecipe() {
    PythonPackages.assumeInstalled();
    deployTo = workshop.resolve("flask-demo");
    recipe = FlaskWorkshop.recipe(deployTo.toString(), Workshop.freePort(), workshop);
  }

  @AfterAll
  void stopTheApp() {
    if (recipe != null) {
      Workshop.run(recipe, "stop");
    }
  }

  @Test
  @Order(1)
  void the_whole_sequence_serves_v1_v2_v3_v2_v1_and_survives_the_broken_v4() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = FlaskWorkshop.sequence(recipe, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertThat(status).as(printed).isZero();
    assertThat(printed.lines().filter(line -> line.startsWith("web1: serving ")).map(line -> line.split(" ")[2]))
        .containsExactly("v1", "v2", "v3", "v2", "v1");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("web1: failed in prepare")
        .contains("No matching distribution found for slipway-no-such-package-anywhere").doesNotContain("\tat ");
    assertThat(printed).containsPattern("\\* \\d+ +v1 .* live").containsPattern("\\d+ +v4 .* failed");
    assertThat(Files.readString(deployTo.resolve("current/app.py"))).contains("\"v1\"");
  }

  @Test
  @Order(2)
  void rollback_to_a_release_id_exits_0_and_reports_the_version_served() {
    String v3 = releaseIdOf("v3");

    Workshop rolled = Workshop.run(recipe, "rollback", v3);

    assertThat(rolled.exit()).as(rolled.printed()).isZero();
    assertThat(rolled.out()).contains("web1: serving v3 (release " + v3 + ")");
  }

  @Test
  @Order(3)
  void json_prints_one_object_per_line_each_with_a_type_a_host_and_a_time() {
    Workshop deployed = Workshop.run(recipe, "deploy", "v2", "--json");

    assertThat(deployed.exit()).as(deployed.printed()).isZero();
    List<Map<String, String>> lines = deployed.jsonLines();
    assertThat(lines).allSatisfy(line -> assertThat(line).containsKeys("type", "host", "time"));
    assertThat(lines).allSatisfy(line -> assertThat(Instant.parse(line.get("time"))).isNotNull());
    assertThat(lines.stream().map(line -> line.get("type")).distinct()).contains("step", "command", "result", "report");
    assertThat(lines).anySatisfy(line -> assertThat(line).containsEntry("type", "step")
        .containsEntry("step", "symlink").containsEntry("status", "started").containsEntry("host", "web1"));
    assertThat(lines.get(lines.size() - 1)).containsEntry("type", "report").containsEntry("exit", "0");
    assertThat(lines).anySatisfy(line -> assertThat(line).containsEntry("type", "result").containsEntry("version", "v2"));
  }

  @Test
  @Order(4)
  void a_dry_run_deploy_changes_nothing() throws IOException {
    Map<String, String> before = withoutAppLog(tree(deployTo));

    Workshop dry = Workshop.run(recipe, "--dry-run", "deploy", "v3");

    assertThat(dry.exit()).as(dry.printed()).isZero();
    assertThat(dry.out()).contains("web1: dry run: v3").contains("nothing changed");
    assertThat(withoutAppLog(tree(deployTo))).isEqualTo(before);
  }

  // gunicorn itself still logs its old workers' exit after the last deploy's reload returned.
  private static Map<String, String> withoutAppLog(Map<String, String> tree) {
    tree.replaceAll((path, entry) -> path.startsWith("shared/log/") ? "written by the app" : entry);
    return tree;
  }

  @Test
  @Order(5)
  void limit_keeps_the_named_hosts_and_refuses_a_name_that_matches_none() {
    Recipe twoHosts = recipe.hosts(LocalHost.named("web1"), LocalHost.named("web2"));

    Workshop limited = Workshop.run(twoHosts, "status", "--limit", "web1");
    Workshop unknown = Workshop.run(twoHosts, "status", "--limit", "web9");

    assertThat(limited.exit()).as(limited.printed()).isZero();
    assertThat(limited.out()).contains("web1: live v2").doesNotContain("web2");
    assertThat(unknown.exit()).isEqualTo(ExitStatus.USAGE);
    assertThat(unknown.err().strip()).isEqualTo("error: --limit web9 matches no host; the hosts: web1, web2");
  }

  @Test
  @Order(6)
  void status_and_releases_show_the_live_release_and_the_service() {
    Workshop status = Workshop.run(recipe, "status");
    Workshop releases = Workshop.run(recipe, "releases");

    assertThat(status.exit()).isZero();
    assertThat(status.out()).containsPattern("web1: live v2 \\(\\d+\\), flask-demo running pid \\d+, not locked");
    assertThat(releases.out()).containsPattern("\\* \\d+ +v2 +[0-9a-f]{7} +live ");
  }

  @Test
  @Order(7)
  void a_locked_host_makes_deploy_exit_4_and_check_name_the_holder_and_unlock_breaks_a_stale_lock() throws Exception {
    lockedBy(deadPid());

    Workshop deploy = Workshop.run(recipe, "deploy", "v3");
    Workshop check = Workshop.run(recipe, "check", "v3");
    Workshop unlock = Workshop.run(recipe, "unlock");

    assertThat(deploy.exit()).as(deploy.printed()).isEqualTo(ExitStatus.LOCKED);
    assertThat(check.exit()).isEqualTo(ExitStatus.FAILED);
    assertThat(check.err()).contains("web1: locked by ").contains("its holder is gone: unlock breaks it");
    assertThat(unlock.exit()).as(unlock.printed()).isZero();
    assertThat(unlock.out()).contains("web1: broke the lock of ");
    assertThat(deployTo.resolve(".slipway/lock")).doesNotExist();
  }

  @Test
  @Order(8)
  void unlock_keeps_a_live_lock_without_force_and_breaks_it_with_force_and_yes() throws Exception {
    lockedBy(ProcessHandle.current().pid());

    Workshop kept = Workshop.run(recipe, "unlock");
    Workshop refused = Workshop.run(recipe, "unlock", "--force");
    Workshop forced = Workshop.run(recipe, "unlock", "--force", "--yes");

    assertThat(kept.exit()).isEqualTo(ExitStatus.LOCKED);
    assertThat(kept.err()).contains("who may still be deploying; unlock --force breaks it");
    assertThat(refused.exit()).isEqualTo(ExitStatus.REFUSED);
    assertThat(forced.exit()).as(forced.printed()).isZero();
    assertThat(Files.exists(Path.of(recipe.releases().layout().lock()))).isFalse();
  }

  @Test
  @Order(9)
  void check_passes_here_and_finds_an_unknown_ref_a_missing_program_and_an_unwritable_deploy_path() throws IOException {
    Files.writeString(workshop.resolve("a-file"), "not a directory");
    Recipe unwritable = FlaskWorkshop.recipe(workshop.resolve("a-file/flask-demo").toString(), 8000, workshop);

    Workshop ready = Workshop.run(recipe, "check", "v2");
    Workshop unknownRef = Workshop.run(recipe, "check", "v9");
    Workshop missing = Workshop.run(recipe.requiredCommands("slipway-no-such-program"), "check", "v2");
    Workshop noPath = Workshop.run(unwritable, "check", "v2");

    assertThat(ready.exit()).as(ready.printed()).isZero();
    assertThat(ready.out()).contains("web1: ready to deploy");
    assertThat(unknownRef.exit()).isEqualTo(ExitStatus.FAILED);
    assertThat(unknownRef.err()).startsWith("source: ref v9 cannot be deployed: ");
    assertThat(missing.err().strip()).isEqualTo("web1: slipway-no-such-program is not installed (needed to deploy)");
    assertThat(noPath.err().strip()).isEqualTo("web1: " + workshop.resolve("a-file/flask-demo")
        + " cannot be written: " + workshop.resolve("a-file") + " is not a writable directory");
  }

  @Test
  @Order(9)
  void check_finds_a_mv_that_cannot_replace_a_link_in_place() throws IOException {
    Path bin = Files.createDirectories(workshop.resolve("posix-only-bin"));
    Path mv = Files.writeString(bin.resolve("mv"), "#!/bin/sh\ncase \"$1\" in -T*) echo 'mv: invalid option -- T' >&2;"
        + " exit 1;; esac\nexec /bin/mv \"$@\"\n");
    mv.toFile().setExecutable(true);
    Host posixOnly = LocalHost.named("web1").env("PATH", bin + ":" + System.getenv("PATH"));

    Workshop check = Workshop.run(recipe.hosts(posixOnly), "check", "v2");

    assertThat(check.exit()).isEqualTo(ExitStatus.FAILED);
    assertThat(check.err().strip()).isEqualTo("web1: mv cannot replace a link in place (mv -T): the switch needs"
        + " GNU coreutils' or BusyBox's mv");
  }

  @Test
  @Order(10)
  void usage_errors_exit_2_with_one_line() {
    Workshop unknownOption = Workshop.run(recipe, "deploy", "--no-such-option");
    Workshop envWithoutInventory = Workshop.run(recipe, "status", "--env", "prod");

    assertThat(unknownOption.exit()).isEqualTo(ExitStatus.USAGE);
    assertThat(unknownOption.err().lines()).hasSize(1);
    assertThat(envWithoutInventory.exit()).isEqualTo(ExitStatus.USAGE);
    assertThat(envWithoutInventory.err().strip()).isEqualTo("error: --env prod needs an inventory: add --inventory DIR");
  }

  private String releaseIdOf(String version) {
    return recipe.releases().releases(LocalHost.named("web1")).stream().filter(release -> release.version().equals(version))
        .findFirst().orElseThrow().id().value();
  }

  private void lockedBy(long pid) throws IOException {
    Path lock = Path.of(recipe.releases().layout().lock());
    Files.createDirectories(lock);
    Files.writeString(Path.of(recipe.releases().layout().lockHolder()), "user=someone\ncontroller="
        + LockHolder.controllerName() + "\npid=" + pid + "\nsince=2026-01-01T00:00:00Z\naction=deploy\ntoken=t\n");
  }

  private static long deadPid() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    return gone.pid();
  }

  /** Every path under {@code root} with its link target, or its size and modification time. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        tree.put(root.relativize(path).toString(), Files.isSymbolicLink(path) ? "-> " + Files.readSymbolicLink(path)
            : Files.isDirectory(path) ? "dir" : Files.size(path) + " " + Files.getLastModifiedTime(path));
      }
    }
    return tree;
  }
}
