package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveStrategyTest {
  @TempDir Path temp;

  private final Host host = LocalHost.create();

  @AfterEach
  void close() {
    host.close();
  }

  @Test
  void each_tag_is_deployed_and_current_app_py_follows_deploys_and_rollbacks() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    GitSource source = GitSource.of(repo.directory());
    Path deployTo = temp.resolve("srv");
    TestReleases releases = new TestReleases(deployTo.toString());

    String v1 = releases.deploy(host, source.ref("v1"));
    assertThat(currentApp(deployTo)).contains("\"version\": \"v1\"");
    String v2 = releases.deploy(host, source.ref("v2"));
    assertThat(currentApp(deployTo)).contains("\"version\": \"v2\"");
    releases.deploy(host, source.ref("v3"));
    assertThat(currentApp(deployTo)).contains("\"version\": \"v3\"", "tiny change");

    releases.rollbackTo(host, v2);
    assertThat(currentApp(deployTo)).contains("\"version\": \"v2\"");
    releases.rollbackTo(host, v1);
    assertThat(currentApp(deployTo)).contains("\"version\": \"v1\"");
    assertThat(Files.isExecutable(deployTo.resolve("current/run.sh"))).isTrue();
    assertThat(Files.readSymbolicLink(deployTo.resolve("current/start"))).isEqualTo(Path.of("run.sh"));
  }

  @Test
  void an_incremental_upload_gives_the_same_tree_as_a_full_upload_and_sends_only_the_changed_file()
      throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    repo.write("static/css/site.css", "body { color: black; }\n").write("static/js/site.js", "// js\n");
    repo.write("app.py", WorkshopRepo.app("v4", "four"));
    repo.commit("feat: v4 with static files");
    repo.tag("v4", false);
    GitSource source = GitSource.of(repo.directory());
    TestReleases incremental = new TestReleases(temp.resolve("incremental").toString());
    TestReleases full = new TestReleases(temp.resolve("full").toString());

    String first = incremental.deploy(host, source.ref("v3"));
    Map<String, String> firstBefore = Trees.describe(Path.of(first));
    ResolvedGitSource v4 = source.ref("v4").resolve();
    String second = incremental.deploy(host, () -> v4);
    String fullRelease = full.deploy(host, () -> v4);

    assertThat(Trees.describe(Path.of(second))).isEqualTo(Trees.describe(Path.of(fullRelease)));
    assertThat(Trees.describe(Path.of(first))).isEqualTo(firstBefore);
    InstallReport report = v4.installs().get(0);
    assertThat(report.incremental()).isTrue();
    assertThat(report.filesSent()).isEqualTo(3);
    assertThat(report.filesCopied()).isEqualTo(3);
    assertThat(report.bytesSent()).isLessThan(v4.installs().get(1).bytesSent());
    assertThat(v4.installs().get(1).incremental()).isFalse();
  }

  @Test
  void files_the_previous_release_gained_on_the_host_are_not_carried_over() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    GitSource source = GitSource.of(repo.directory());
    Path deployTo = temp.resolve("srv");
    TestReleases releases = new TestReleases(deployTo.toString());
    String v1 = releases.deploy(host, source.ref("v1"));
    Files.writeString(Path.of(v1, "app.pyc"), "compiled");
    Files.createSymbolicLink(Path.of(v1, "venv"), deployTo.resolve("shared/venv"));

    String v2 = releases.deploy(host, source.ref("v2"));

    assertThat(Path.of(v2, "app.pyc")).doesNotExist();
    assertThat(Path.of(v2, "venv")).doesNotExist();
    assertThat(Path.of(v1, "app.pyc")).exists();
  }

  @Test
  void an_unchanged_commit_sends_nothing_and_the_archive_never_stays_on_the_host() {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    Path deployTo = temp.resolve("srv");
    TestReleases releases = new TestReleases(deployTo.toString());
    releases.deploy(host, GitSource.of(repo.directory()).ref("v3"));
    ResolvedGitSource feature = GitSource.of(repo.directory()).ref("feature").resolve();

    releases.deploy(host, () -> feature);

    assertThat(feature.installs().get(0).bytesSent()).isZero();
    assertThat(feature.installs().get(0).filesCopied()).isEqualTo(4);
    assertThat(deployTo.resolve(".slipway/tmp")).isEmptyDirectory();
  }

  @Test
  void a_release_holds_a_manifest_so_that_the_next_deploy_can_compare() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    String release = new TestReleases(temp.resolve("srv").toString()).deploy(host, GitSource.of(repo.directory()).ref("v1"));

    assertThat(Files.readString(Path.of(release, ".slipway-manifest")))
        .startsWith("# slipway manifest v1 ")
        .contains(" 100644 app.py\n", " 100755 run.sh\n", " 120000 start\n");
  }

  private static String currentApp(Path deployTo) throws IOException {
    return Files.readString(deployTo.resolve("current/app.py"));
  }
}
