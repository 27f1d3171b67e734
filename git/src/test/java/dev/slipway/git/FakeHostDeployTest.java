package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.testing.FakeHost;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.RefUpdate;
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

    String v1 = releases.deploy(web, source.ref("v1"));
    assertThat(currentApp()).contains("\"version\": \"v1\"");
    releases.deploy(web, source.ref("v2"));
    assertThat(currentApp()).contains("\"version\": \"v2\"");
    releases.deploy(web, source.ref("v3"));
    assertThat(currentApp()).contains("\"version\": \"v3\"");
    releases.rollbackTo(web, v1);

    assertThat(currentApp()).contains("\"version\": \"v1\"");
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
  void a_missing_ref_an_empty_repository_and_a_broken_tag_touch_no_host() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    RefUpdate broken = repo.git().getRepository().updateRef("refs/tags/broken");
    broken.setNewObjectId(repo.git().getRepository().resolve("v1^{tree}"));
    broken.update();
    GitSource source = GitSource.of(repo.directory());

    assertThatThrownBy(() -> releases.deploy(web, source.ref("v4"))).isInstanceOf(GitRefNotFoundException.class);
    assertThatThrownBy(() -> releases.deploy(web, source.ref("broken"))).hasMessageContaining("not a commit");
    assertThatThrownBy(() -> releases.deploy(web, GitSource.of(WorkshopRepo.empty(temp.resolve("empty")).directory())))
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> releases.deploy(web, GitSource.of("ssh://127.0.0.1:1/app.git")
        .cacheDirectory(temp.resolve("cache"))))
        .hasMessageContaining("Cannot fetch");

    assertThat(web.commands()).isEmpty();
    assertThat(web.operations()).isEmpty();
    assertThat(web.fs().exists(DEPLOY_TO)).isFalse();
  }

  private String currentApp() {
    return web.fs().readString(DEPLOY_TO + "/current/app.py");
  }
}
