package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.ssh.EmbeddedSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
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
    incrementalAndFullUploadsGiveTheSameTree(host, temp, TestReleases::new);
  }

  @Test
  void an_incremental_install_in_a_batch_gives_the_same_tree_as_a_full_upload() {
    incrementalAndFullUploadsGiveTheSameTree(host, temp, TestReleases::inBatches);
  }

  @Test
  void an_incremental_upload_over_ssh_gives_the_same_tree_as_a_full_upload_alone_or_in_a_batch() {
    try (EmbeddedSshServer server = EmbeddedSshServer.start(temp.resolve("sshd"));
         Host ssh = server.host("mina").build()) {
      incrementalAndFullUploadsGiveTheSameTree(ssh, temp.resolve("alone"), TestReleases::new);
      incrementalAndFullUploadsGiveTheSameTree(ssh, temp.resolve("in-batch"), TestReleases::inBatches);
    }
  }

  /**
   * Deploys v4 then v5 (incremental) with the {@code releases} made for a directory, and v5 alone
   * (full); compares the two v5 trees. Everything lives under {@code base}.
   */
  private void incrementalAndFullUploadsGiveTheSameTree(Host target, Path base, Function<String, TestReleases> releases) {
    GitSource source = GitSource.of(WorkshopRepo.withStaticFiles(base.resolve("app")).directory());
    TestReleases incremental = releases.apply(base.resolve("incremental").toString());
    TestReleases full = new TestReleases(base.resolve("full").toString());

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
  void a_file_missing_from_the_previous_release_fails_the_batch_and_install_completes_the_release()
      throws IOException {
    WorkshopRepo repo = WorkshopRepo.withStaticFiles(temp.resolve("app"));
    GitSource source = GitSource.of(repo.directory());
    TestReleases releases = TestReleases.inBatches(temp.resolve("srv").toString());
    String v4 = releases.deploy(host, source.ref("v4"));
    Files.delete(Path.of(v4, "lib/helpers/util.py"));
    ResolvedGitSource v5 = source.ref("v5").resolve();

    String release = releases.deploy(host, () -> v5);

    assertThat(v5.installs()).extracting(InstallReport::incremental).containsExactly(true, false);
    assertThat(Trees.describe(Path.of(release))).containsKey("lib/helpers/util.py")
        .isEqualTo(Trees.describe(Path.of(new TestReleases(temp.resolve("full").toString()).deploy(host, () -> v5))));
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
