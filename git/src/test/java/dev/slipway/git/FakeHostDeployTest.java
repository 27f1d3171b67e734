package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.testing.FakeHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeHostDeployTest {
  private static final String DEPLOY_TO = "/opt/flask-demo";

  @TempDir Path temp;

  private final FakeHost web = FakeHost.named("web1");
  private final TestReleases releases = new TestReleases(DEPLOY_TO);

  @Test
  void tags_deploy_and_roll_back_on_the_fake_file_system() {
    GitSource source = GitSource.of(WorkshopRepo.create(temp.resolve("app")).directory());

    deployThreeTagsAndRollBack(source);

    assertThat(web.commands()).filteredOn(line -> line.startsWith("tar -xzf")).hasSize(3);
  }

  @Test
  void an_incremental_deploy_copies_unchanged_files_on_the_host() {
    GitSource source = GitSource.of(WorkshopRepo.create(temp.resolve("app")).directory());
    releases.deploy(web, source.ref("v1"));
    ResolvedGitSource v2 = source.ref("v2").resolve();

    String release = releases.deploy(web, () -> v2);

    assertThat(v2.installs()).singleElement()
        .satisfies(report -> assertThat(report.filesSent()).isEqualTo(1))
        .satisfies(report -> assertThat(report.filesCopied()).isEqualTo(3));
    assertThat(web.fs().readString(release + "/requirements.txt")).isEqualTo("flask==3.0.3\n");
    assertThat(web.fs().readLink(release + "/start")).isEqualTo("run.sh");
  }

  @Test
  void an_incremental_install_in_a_batch_copies_unchanged_files_with_the_fake_s_tar() {
    GitSource source = GitSource.of(WorkshopRepo.create(temp.resolve("app")).directory());
    TestReleases batches = TestReleases.inBatches(DEPLOY_TO);
    batches.deploy(web, source.ref("v1"));
    ResolvedGitSource v2 = source.ref("v2").resolve();

    String release = batches.deploy(web, () -> v2);

    assertThat(v2.installs()).singleElement().satisfies(report -> assertThat(report.filesCopied()).isEqualTo(3));
    assertThat(web.fs().readString(release + "/requirements.txt")).isEqualTo("flask==3.0.3\n");
    assertThat(web.fs().readLink(release + "/start")).isEqualTo("run.sh");
    assertThat(web.fs().list(release)).noneMatch(name -> name.contains(".slipway-upload"));
  }

  @Test
  void a_mirror_deploy_fetches_with_a_key_readable_only_by_the_deploy_user_and_removes_it() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    String keyText = "-----BEGIN OPENSSH PRIVATE KEY-----\nslipway-test-key-material\n";
    Path key = Files.writeString(temp.resolve("deploy_key"), keyText);
    GitSource source = GitSource.of(repo.directory()).strategy(GitStrategy.MIRROR).identity(key);
    List<String> fetchSsh = new CopyOnWriteArrayList<>();
    List<String> keyModes = new CopyOnWriteArrayList<>();
    web.when(line -> line.contains("git clone --quiet --mirror")).thenDo(fetch -> {
      String ssh = fetch.context().env().get("GIT_SSH_COMMAND");
      fetchSsh.add(ssh);
      keyModes.add(modeOf(ssh.replaceFirst(".* -i (\\S+) .*", "$1")));
    });
    web.when(line -> line.contains(" cat-file -e ")).thenSucceed();
    web.when(line -> line.contains(" archive --format=tar -o ")).thenDo(call -> gitArchiveInto(repo, call.command()));

    deployThreeTagsAndRollBack(source);

    assertThat(keyModes).containsExactly("rw-------", "rw-------", "rw-------");
    assertThat(fetchSsh).allSatisfy(ssh -> assertThat(ssh).contains("StrictHostKeyChecking=yes", "IdentitiesOnly=yes"));
    assertThat(web.fs().list(DEPLOY_TO + "/.slipway/tmp")).isEmpty();
    assertThat(web.recorded()).noneSatisfy(call -> assertThat(call.script() + call.context()).contains("slipway-test-key-material"));
    assertThat(web.files().values()).noneSatisfy(content -> assertThat(new String(content, StandardCharsets.ISO_8859_1))
        .contains("slipway-test-key-material"));
  }

  @Test
  void a_missing_ref_an_empty_repository_a_broken_tag_and_an_unreachable_remote_touch_no_host() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    repo.pointRef("refs/tags/broken", repo.git().getRepository().resolve("v1^{tree}"));
    repo.pointRef("refs/tags/v9", repo.commitWithMissingBlob());
    GitSource source = GitSource.of(repo.directory());
    GitSource emptyRemote = GitSource.of(WorkshopRepo.empty(temp.resolve("empty")).directory().toUri().toString())
        .cacheDirectory(temp.resolve("cache"));

    assertThatThrownBy(() -> releases.deploy(web, source.ref("v4")))
        .isInstanceOf(GitRefNotFoundException.class)
        .hasMessageContaining("nearest are v1, v2, v3");
    assertThatThrownBy(() -> releases.deploy(web, source.ref("broken"))).hasMessageContaining("not a commit");
    assertThatThrownBy(() -> releases.deploy(web, source.ref("v9"))).hasMessageContaining("Cannot read the files of commit");
    assertThatThrownBy(() -> releases.deploy(web, GitSource.of(temp.resolve("empty")))).hasMessageContaining("is empty");
    assertThatThrownBy(() -> releases.deploy(web, emptyRemote.strategy(GitStrategy.MIRROR))).hasMessageContaining("is empty");
    assertThatThrownBy(() -> releases.deploy(web, GitSource.of("ssh://127.0.0.1:1/app.git")
        .cacheDirectory(temp.resolve("cache")).strategy(GitStrategy.MIRROR)))
        .hasMessageContaining("Cannot fetch ssh://127.0.0.1:1/app.git");

    assertThat(web.commands()).isEmpty();
    assertThat(web.operations()).isEmpty();
    assertThat(web.fs().exists(DEPLOY_TO)).isFalse();
  }

  /** Deploys v1, v2, v3 and rolls back to v1, checking {@code current/app.py} after each step. */
  private void deployThreeTagsAndRollBack(GitSource source) {
    String v1 = releases.deploy(web, source.ref("v1"));
    assertThat(currentApp()).contains("\"version\": \"v1\"");
    releases.deploy(web, source.ref("v2"));
    assertThat(currentApp()).contains("\"version\": \"v2\"");
    releases.deploy(web, source.ref("v3"));
    assertThat(currentApp()).contains("\"version\": \"v3\"");
    releases.rollbackTo(web, v1);
    assertThat(currentApp()).contains("\"version\": \"v1\"");
  }

  private String modeOf(String path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(web.fs().path(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Does what {@code git archive --format=tar -o TAR COMMIT} does in the host's mirror, from the local repository. */
  private void gitArchiveInto(WorkshopRepo repo, String command) {
    List<String> words = List.of(command.split(" "));
    String tar = words.get(words.indexOf("-o") + 1);
    try {
      Process archive = new ProcessBuilder("git", "-c", "tar.umask=0022", "-C", repo.directory().toString(),
          "archive", "--format=tar", words.get(words.size() - 1)).start();
      web.fs().write(tar, archive.getInputStream().readAllBytes());
      assertThat(archive.waitFor()).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String currentApp() {
    return web.fs().readString(DEPLOY_TO + "/current/app.py");
  }
}
