package dev.slipway.examples.workshop;

import static dev.slipway.examples.Launched.launch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.terminal.ExitCode;
import dev.slipway.examples.Launched;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workshop's tree behind the launcher, non-interactive, on this machine: listed, then v1
 * deployed for real into a temporary directory (code and Python environment, without the app
 * server) and its releases listed.
 */
class WorkshopShellTest {
  @TempDir
  Path workshop;

  private Node tree() {
    FlaskApp app = FlaskApp.builder(FlaskAppRepository.createOrReuse(workshop.resolve("app-src")))
        .deployTo(workshop.resolve("flask-demo").toString()).port(FlaskWorkshop.freePort())
        .withoutAppServer().build();
    return WorkshopNode.tree(app, List.of(LocalHost.named("web1")));
  }

  @Test
  void list_shows_the_web_node_and_its_actions() {
    Launched list = launch(tree(), "list");

    assertThat(list.exit()).as(list.err()).isEqualTo(ExitCode.OK);
    assertThat(list.out()).contains("  web/", "    deploy(tag: String)", "    rollback()",
        "    rollback_to(version: String)", "    releases()", "    status()", "    stop()");
  }

  @Test
  void deploys_v1_dry_runs_v2_fails_v4_then_lists_v1_as_the_live_release() throws Exception {
    PythonPackages.assumeInstalled();
    Node root = tree();

    Launched deploy = launch(root, "run", "/web", "--", "deploy", "v1");
    assertThat(deploy.exit()).as(deploy.err()).isEqualTo(ExitCode.OK);
    assertThat(deploy.out()).containsPattern("\\d{14} \\(v1\\) in \\d+ ms:\n  web1: deployed, live \\d{14}")
        .containsPattern("web1  ok      \\d+ commands");

    Path current = workshop.resolve("flask-demo/current");
    assertThat(Files.readSymbolicLink(current).toString()).matches(".*/flask-demo/releases/\\d{14}");
    assertThat(Files.readString(current.resolve("app.py"))).contains("jsonify({\"version\": \"v1\"})");
    assertThat(Files.isSymbolicLink(current.resolve(FlaskApp.VENV))).isTrue();

    Path v1 = Files.readSymbolicLink(current);
    Launched dryRun = launch(root, "run", "--dry-run", "/web", "--", "deploy", "v2");
    assertThat(dryRun.exit()).as(dryRun.err()).isEqualTo(ExitCode.OK);
    assertThat(dryRun.out()).contains("web1 (dry-run) $ ");
    assertThat(Files.readSymbolicLink(current)).isEqualTo(v1);

    Launched broken = launch(root, "run", "/web", "--", "deploy", "v4");
    assertThat(broken.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(broken.out()).containsPattern("web1  FAILED  \\d+ commands  [0-9.]+ s  web1: failed in prepare");
    assertThat(broken.err().lines()).singleElement().asString()
        .startsWith("error: /web deploy failed: deploy of v4 failed: ")
        .contains("web1: failed in prepare, live ")
        .contains("No matching distribution found for slipway-no-such-package-anywhere");
    assertThat(Files.readSymbolicLink(current)).isEqualTo(v1);

    Launched releases = launch(root, "run", "/web", "releases");
    assertThat(releases.exit()).as(releases.err()).isEqualTo(ExitCode.OK);
    assertThat(releases.out()).contains("Releases on web1 (newest first):")
        .containsPattern("\n  \\d{14}  v1  live  ");

    Launched status = launch(root, "run", "/web", "status");
    assertThat(status.out()).containsPattern("web1: \\d{14}  v1  live  ");
  }

  @Test
  void rolling_back_before_any_deploy_fails_saying_to_deploy_first() {
    Launched rollback = launch(tree(), "run", "/web", "rollback_to", "v1");

    assertThat(rollback.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(rollback.err()).startsWith("error: /web rollback_to failed: web1: nothing is live")
        .contains("deploy first");
  }
}
