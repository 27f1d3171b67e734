package dev.slipway.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slipway.Host;
import dev.slipway.provision.Link;
import dev.slipway.provision.Provisioning;
import dev.slipway.release.LockHolder;
import dev.slipway.release.Release;
import dev.slipway.release.Step;
import dev.slipway.release.source.DirectorySource;
import dev.slipway.service.Service;
import dev.slipway.service.ServiceStatus;
import dev.slipway.testing.FakeHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recipe is data: its commands, run on fake hosts, do what it describes, in order, on the hosts it names. */
class RecipeTest {
  private static final String DEPLOY_TO = "/srv/shop";

  @TempDir
  Path app;

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final FakeHost web1 = FakeHost.named("web1");
  private final FakeHost web2 = FakeHost.named("web2");
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Recipe recipe;

  @BeforeEach
  void shop() throws IOException {
    Files.writeString(app.resolve("index.html"), "shop");
    recipe = Recipe.named("shop")
        .source(ref -> DirectorySource.of(app).version(ref))
        .deployTo(DEPLOY_TO).keep(3).sharedDirs("log")
        .service(new Recorded())
        .before(Step.SYMLINK, (host, release) -> calls.add(host.name() + " before symlink " + release.version()))
        .healthCheck((host, release) -> calls.add(host.name() + " health " + release.version()))
        .hosts(web1, web2);
  }

  @Test
  void deploy_prepares_every_host_then_switches_each_and_serves_and_checks_the_new_release() {
    assertThat(execute("deploy", "v1")).as(printed()).isZero();

    assertThat(calls).containsExactlyInAnyOrder("web1 before symlink v1", "web1 serve v1", "web1 health v1",
        "web2 before symlink v1", "web2 serve v1", "web2 health v1");
    assertThat(calls.indexOf("web1 serve v1")).isLessThan(calls.indexOf("web1 health v1"));
    assertThat(web1.fs().readString(DEPLOY_TO + "/current/index.html")).isEqualTo("shop");
    assertThat(web2.fs().isSymlink(DEPLOY_TO + "/current/log")).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("web1: serving v1 (release ").contains("web2: serving v1");
  }

  @Test
  void list_settings_are_replaced_by_their_setter_and_appended_by_its_add_form() {
    assertThat(recipe.sharedDirs("data").sharedDirs).containsExactly("data");
    assertThat(recipe.addSharedDirs("data").sharedDirs).containsExactly("log", "data");
    assertThat(recipe.sharedFiles(".env").addSharedFiles("config/app.ini").sharedFiles)
        .containsExactly(".env", "config/app.ini");
    assertThat(recipe.requiredCommands("git").requiredCommands("rsync").addRequiredCommands("make")
        .allRequiredCommands()).startsWith("tar", "rsync", "make").doesNotContain("git");
  }

  @Test
  void rollback_checks_the_release_it_goes_back_to() {
    execute("deploy", "v1");
    execute("deploy", "v2");
    calls.clear();

    assertThat(execute("rollback")).as(printed()).isZero();

    assertThat(calls).contains("web1 serve v1", "web1 health v1", "web2 health v1").doesNotContain("web1 health v2");
  }

  @Test
  void limit_and_dry_run_narrow_and_soften_the_deploy() {
    assertThat(execute("--limit", "web2", "--dry-run", "deploy", "v1")).as(printed()).isZero();

    assertThat(web1.commands()).isEmpty();
    assertThat(web2.fs().exists(DEPLOY_TO + "/current")).isFalse();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("web2: dry run: v1").doesNotContain("web1");
  }

  @Test
  void json_gives_one_object_per_line_with_type_host_and_time_ending_with_the_report() throws IOException {
    execute("--json", "deploy", "v1");

    List<Map<String, String>> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
      lines.add(object(line));
    }
    assertThat(lines).allSatisfy(line -> assertThat(line).containsKeys("type", "host", "time"));
    assertThat(lines).filteredOn(line -> line.get("type").equals("step") && line.get("host").equals("web1"))
        .extracting(line -> line.get("step") + " " + line.get("status"))
        .contains("prepare started", "prepare succeeded", "symlink started", "symlink succeeded");
    assertThat(lines.get(lines.size() - 1)).containsEntry("type", "report").containsEntry("host", "all")
        .containsEntry("exit", "0").containsEntry("command", "deploy");
  }

  @Test
  void status_names_the_live_release_the_service_and_the_lock_holder() {
    execute("deploy", "v1");
    out.reset();

    assertThat(execute("status", "--limit", "web1")).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8).strip())
        .matches("web1: live v1 \\(\\d+\\), recorded running pid 7, not locked");
  }

  @Test
  void a_locked_host_stops_the_deploy_with_exit_4_and_a_line_naming_the_holder() {
    lock(web2, "elsewhere", 1);

    assertThat(execute("deploy", "v1")).isEqualTo(ExitStatus.LOCKED);

    assertThat(err.toString(StandardCharsets.UTF_8).lines()).as(printed()).anySatisfy(line -> assertThat(line)
        .startsWith("web2: locked by bob@elsewhere").endsWith("who may still be deploying; unlock --force breaks it"))
        .noneMatch(line -> line.contains("\tat ") || line.contains("breakLock"));
    assertThat(web1.fs().exists(DEPLOY_TO + "/current")).isFalse();
  }

  @Test
  void a_lock_whose_holder_is_gone_stops_the_deploy_with_the_remedy_of_this_command_line() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    lock(web1, LockHolder.controllerName(), gone.pid());

    assertThat(execute("deploy", "v1")).isEqualTo(ExitStatus.LOCKED);

    assertThat(err.toString(StandardCharsets.UTF_8).lines()).as(printed()).anySatisfy(line -> assertThat(line)
        .startsWith("web1: locked by bob@").endsWith(", whose process is gone; unlock breaks it"));
  }

  @Test
  void unlock_breaks_a_lock_whose_holder_is_gone_and_keeps_one_from_another_controller() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    lock(web1, LockHolder.controllerName(), gone.pid());
    lock(web2, "elsewhere", 1);

    int exit = execute("unlock");

    assertThat(exit).isEqualTo(ExitStatus.LOCKED);
    assertThat(web1.fs().exists(DEPLOY_TO + "/.slipway/lock")).isFalse();
    assertThat(web2.fs().exists(DEPLOY_TO + "/.slipway/lock")).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("web1: broke the lock of bob@");
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("web2: locked by bob@elsewhere pid 1")
        .endsWith("who may still be deploying; unlock --force breaks it");
  }

  @Test
  void the_release_manager_leaves_environments_out_of_the_shared_paths_and_keeps_the_layout() {
    assertThat(recipe.releases().layout().deployTo()).isEqualTo(DEPLOY_TO);
    assertThat(recipe.allRequiredCommands()).containsExactly("tar", "true");
    assertThat(execute("--no-such-option")).isEqualTo(ExitStatus.USAGE);
    assertThat(execute()).isEqualTo(ExitStatus.USAGE);
  }

  private static void lock(FakeHost host, String controller, long pid) {
    host.fs().mkdirs(DEPLOY_TO + "/.slipway/lock");
    host.fs().write(DEPLOY_TO + "/.slipway/lock/holder", "user=bob\ncontroller=" + controller + "\npid=" + pid
        + "\nsince=2026-01-01T00:00:00Z\naction=deploy\ntoken=t\n");
  }

  @Test
  void releases_history_lists_deploys_and_rollbacks_with_who_and_when() {
    execute("deploy", "v1");
    execute("deploy", "v2");
    execute("rollback");
    out.reset();

    assertThat(execute("releases", "--history")).as(printed()).isZero();

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("web1: 3 event(s)").contains("web2: 3 event(s)");
    assertThat(printed.lines().filter(line -> line.contains(" deploy ")).count()).isEqualTo(4);
    assertThat(printed.lines().filter(line -> line.contains(" rollback ")).count()).isEqualTo(2);
  }

  @Test
  void provision_converges_each_host_once_and_a_second_run_changes_nothing() {
    web1.fs().mkdirs("/etc/shop");
    web2.fs().mkdirs("/etc/shop");
    recipe = recipe.provisioning(Provisioning.newBuilder()
        .addLayer("instance", Link.at("/etc/shop/current", DEPLOY_TO + "/current")).build());

    assertThat(execute("--dry-run", "provision")).as(printed()).isZero();
    assertThat(web1.fs().exists("/etc/shop/current")).isFalse();
    assertThat(execute("provision", "instance")).as(printed()).isZero();
    assertThat(web2.fs().readLink("/etc/shop/current")).isEqualTo(DEPLOY_TO + "/current");
    out.reset();
    assertThat(execute("provision")).as(printed()).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("web1 instance").contains("unchanged")
        .doesNotContain("changed (");
  }

  @Test
  void provision_without_provisioning_is_a_usage_error() {
    assertThat(execute("provision")).isEqualTo(ExitStatus.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to provision");
  }

  private int execute(String... args) {
    return recipe.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, String> object(String line) throws IOException {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser json = new JsonFactory().createParser(line)) {
      assertThat(json.nextToken()).as(line).isEqualTo(JsonToken.START_OBJECT);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        fields.put(name, json.nextToken().isStructStart() ? json.skipChildren().currentToken().asString()
            : json.getValueAsString());
      }
      assertThat(json.nextToken()).as(line).isNull();
    }
    return fields;
  }

  /** A service that notes what it is asked. */
  private final class Recorded implements Service {
    @Override
    public String name() {
      return "recorded";
    }

    @Override
    public void serve(Host host, Release release) {
      calls.add(host.name() + " serve " + release.version());
    }

    @Override
    public ServiceStatus status(Host host) {
      return new ServiceStatus(host.name(), name(), true, OptionalLong.of(7), "running");
    }

    @Override
    public ServiceStatus stop(Host host) {
      return new ServiceStatus(host.name(), name(), false, OptionalLong.empty(), "stopped");
    }

    @Override
    public List<String> requiredCommands() {
      return List.of("true");
    }
  }
}
