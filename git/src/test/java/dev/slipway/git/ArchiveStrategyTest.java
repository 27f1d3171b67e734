package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.ssh.EmbeddedSshServer;
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
  void an_incremental_upload_gives_the_same_tree_as_a_full_upload_and_sends_only_the_changed_file() {
    incrementalAndFullUploadsGiveTheSameTree(host);
  }

  @Test
  void an_incremental_upload_over_ssh_gives_the_same_tree_as_a_full_upload() {
    try (EmbeddedSshServer server = EmbeddedSshServer.start(temp.resolve("sshd"));
         Host ssh = server.host("mina").build()) {
      incrementalAndFullUploadsGiveTheSameTree(ssh);
    }
  }

  /** Deploys v4 then v5 (incremental) and v5 alone (full) on {@code target}; compares the two v5 trees. */
  private void incrementalAndFullUploadsGiveTheSameTree(Host target) {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    repo.write("static/css/site.css", "body { color: black; }\n").write("lib/helpers/util.py", "X = 1\n");
    repo.write("app.py", WorkshopRepo.app("v4", "four"));
    repo.commit("feat: v4 with static files");
    repo.tag("v4", false);
    repo.write("app.py", WorkshopRepo.app("v5", "five"));
    repo.commit("feat: v5");
    repo.tag("v5", false);
    GitSource source = GitSource.of(repo.directory());
    TestReleases incremental = new TestReleases(temp.resolve("incremental").toString());
    TestReleases full = new TestReleases(temp.resolve("full").toString());

    String first = incremental.deploy(target, source.ref("v4"));
    Map<String, String> firstBefore = Trees.describe(Path.of(first));
    ResolvedGitSource v5 = source.ref("v5").resolve();
    String second = incremental.deploy(target, () -> v5);
    String fullRelease = full.deploy(target, () -> v5);

    assertThat(Trees.describe(Path.of(second))).isEqualTo(Trees.describe(Path.of(fullRelease)))
        .containsKeys("lib/helpers/util.py", "static/css/site.css", "start", ".slipway-manifest");
    assertThat(Trees.describe(Path.of(first))).isEqualTo(firstBefore);
    InstallReport report = v5.installs().get(0);
    assertThat(report.incremental()).isTrue();
    assertThat(report.filesSent()).isEqualTo(1);
    assertThat(report.filesCopied()).isEqualTo(5);
    assertThat(report.bytesSent()).isLessThan(v5.installs().get(1).bytesSent());
    assertThat(v5.installs().get(1).incremental()).isFalse();
  }

  @Test
  void a_file_missing_from_the_previous_release_makes_the_upload_full_and_the_release_complete()
      throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    repo.write("docs/it's a \"quoted\" name.txt", "odd names survive quoting\n");
    repo.commit("docs");
    repo.tag("v4", false);
    GitSource source = GitSource.of(repo.directory());
    TestReleases releases = new TestReleases(temp.resolve("srv").toString());
    String v3 = releases.deploy(host, source.ref("v3"));
    Files.delete(Path.of(v3, "requirements.txt"));
    ResolvedGitSource v4 = source.ref("v4").resolve();

    String release = releases.deploy(host, () -> v4);
    String reference = new TestReleases(temp.resolve("reference").toString()).deploy(host, () -> v4);

    assertThat(v4.installs().get(0).incremental()).isFalse();
    assertThat(v4.installs().get(0).filesSent()).isEqualTo(5);
    assertThat(Trees.describe(Path.of(release))).isEqualTo(Trees.describe(Path.of(reference)))
        .containsKey("docs/it's a \"quoted\" name.txt");
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
  void an_unchanged_commit_sends_no_file_and_the_archive_never_stays_on_the_host() {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    Path deployTo = temp.resolve("srv");
    TestReleases releases = new TestReleases(deployTo.toString());
    releases.deploy(host, GitSource.of(repo.directory()).ref("v3"));
    ResolvedGitSource feature = GitSource.of(repo.directory()).ref("feature").resolve();

    releases.deploy(host, () -> feature);

    assertThat(feature.installs().get(0).filesSent()).isZero();
    assertThat(feature.installs().get(0).filesCopied()).isEqualTo(4);
    assertThat(deployTo.resolve(".slipway/tmp")).isEmptyDirectory();
  }

  @Test
  void a_release_holds_a_manifest_so_that_the_next_deploy_can_compare() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    String release = new TestReleases(temp.resolve("srv").toString()).deploy(host, GitSource.of(repo.directory()).ref("v1"));

    assertThat(Files.readString(Path.of(release, ".slipway-manifest")))
        .startsWith("# slipway manifest v1 ")
        .containsPattern("\n[0-9a-f]{64} 100644 [0-9a-f]{40} app.py\n")
        .containsPattern("\n[0-9a-f]{64} 100755 [0-9a-f]{40} run.sh\n")
        .containsPattern("\n[0-9a-f]{64} 120000 [0-9a-f]{40} start\n");
  }

  private static String currentApp(Path deployTo) throws IOException {
    return Files.readString(deployTo.resolve("current/app.py"));
  }
}
