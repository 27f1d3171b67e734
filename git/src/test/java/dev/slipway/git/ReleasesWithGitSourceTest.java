package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.release.Release;
import dev.slipway.release.Releases;
import dev.slipway.ssh.EmbeddedSshServer;
import dev.slipway.ssh.SshHost;
import dev.slipway.ssh.testing.OpenSshServer;
import dev.slipway.testing.FakeHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release manager deploying git tags v1, v2, v3 and rolling back, on a local, a fake and an SSH host. */
class ReleasesWithGitSourceTest {
  @TempDir Path temp;

  @Test
  void deploys_and_rollbacks_on_a_local_host() {
    try (Host host = LocalHost.create()) {
      String deployTo = temp.resolve("srv").toString();
      deployThreeTagsAndRollBack(host, deployTo, path -> host.readString(path));
    }
  }

  @Test
  void deploys_and_rollbacks_on_a_fake_host() {
    FakeHost web = FakeHost.named("web1");
    deployThreeTagsAndRollBack(web, "/opt/flask-demo", path -> web.fs().readString(path));
  }

  @Test
  void deploys_and_rollbacks_over_ssh_to_mina() {
    try (EmbeddedSshServer server = EmbeddedSshServer.start(temp.resolve("sshd"));
         Host host = server.host("mina").build()) {
      deployThreeTagsAndRollBack(host, temp.resolve("srv").toString(), path -> host.readString(path));
    }
  }

  @Test
  void deploys_and_rollbacks_over_ssh_to_openssh() {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> "OpenSSH skipped: " + OpenSshServer.availability().orElse(""));
    try (OpenSshServer server = OpenSshServer.in(Path.of("target", "openssh", "releases")).start();
         Host host = SshHost.builder("openssh").address(server.address()).port(server.port()).user("root")
             .identity(server.clientKey()).knownHosts(server.knownHosts()).build()) {
      deployThreeTagsAndRollBack(host, temp.resolve("srv").toString(), path -> host.readString(path));
    }
  }

  @Test
  void a_missing_tag_fails_the_deploy_before_the_host_is_touched() {
    FakeHost web = FakeHost.named("web1");
    GitSource source = GitSource.of(WorkshopRepo.create(temp.resolve("app")).directory());

    assertThatThrownBy(() -> Releases.at("/opt/flask-demo").source(source.ref("v4")).deploy(web))
        .isInstanceOf(GitRefNotFoundException.class)
        .hasMessageContaining("nearest are v1, v2, v3");
    assertThat(web.commands()).isEmpty();
    assertThat(web.operations()).isEmpty();
  }

  @Test
  void an_install_queued_in_the_deploy_s_batch_is_reported_for_its_host() {
    FakeHost web = FakeHost.named("web1");
    ResolvedGitSource v1 = GitSource.of(WorkshopRepo.create(temp.resolve("app")).directory()).ref("v1").resolve();

    Releases.at("/opt/flask-demo").source(() -> v1).deploy(web);

    assertThat(v1.installs()).singleElement().extracting(InstallReport::host).isEqualTo("web1");
  }

  @Test
  void rollback_releases_and_the_lock_never_open_the_repository() {
    FakeHost web = FakeHost.named("web1");
    GitSource source = GitSource.of(WorkshopRepo.create(temp.resolve("app")).directory());
    Releases releases = Releases.at("/opt/flask-demo");
    releases.source(source.ref("v1")).deploy(web);
    releases.source(source.ref("v2")).deploy(web);
    Releases withoutRepository = releases.source(GitSource.of(temp.resolve("no-such-repository")).ref("v3"));

    withoutRepository.rollback(web);
    assertThat(web.fs().readString("/opt/flask-demo/current/app.py")).contains("\"version\": \"v1\"");
    withoutRepository.rollbackTo(web, "v2");
    assertThat(web.fs().readString("/opt/flask-demo/current/app.py")).contains("\"version\": \"v2\"");
    assertThat(withoutRepository.releases(web)).extracting(Release::version).containsExactlyInAnyOrder("v1", "v2");
    assertThat(withoutRepository.lockHolder(web)).isEmpty();
    assertThatThrownBy(() -> withoutRepository.deploy(web))
        .isInstanceOf(GitSourceException.class).hasMessageContaining("No git repository at");
  }

  private void deployThreeTagsAndRollBack(Host host, String deployTo, Function<String, String> read) {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    GitSource source = GitSource.of(repo.directory());
    Releases releases = Releases.at(deployTo).keep(5);
    String app = deployTo + "/current/app.py";

    for (String tag : new String[] {"v1", "v2", "v3"}) {
      releases.source(source.ref(tag)).deploy(host);
      assertThat(read.apply(app)).contains("\"version\": \"" + tag + "\"");
    }
    releases.rollback(host);
    assertThat(read.apply(app)).contains("\"version\": \"v2\"");
    releases.rollbackTo(host, "v1");
    assertThat(read.apply(app)).contains("\"version\": \"v1\"");

    assertThat(releases.releases(host)).extracting(Release::version).contains("v1", "v2", "v3");
    Release v2 = releases.releases(host).stream().filter(r -> r.version().equals("v2")).findFirst().orElseThrow();
    assertThat(v2.commit()).contains(commitOf(repo, "v2"));
    assertThat(v2.metadata()).containsEntry("ref", "refs/tags/v2").containsEntry("describe", "v2")
        .containsEntry("commit", commitOf(repo, "v2"));
  }

  private static String commitOf(WorkshopRepo repo, String tag) {
    try {
      return repo.git().getRepository().resolve(tag + "^{commit}").name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
