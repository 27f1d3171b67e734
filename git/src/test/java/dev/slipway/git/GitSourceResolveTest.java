package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourceResolveTest {
  @TempDir Path temp;

  @Test
  void a_lightweight_tag_resolves_to_its_commit_and_becomes_the_version() {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));

    ResolvedGitSource v1 = GitSource.of(repo.directory()).ref("v1").resolve();

    assertThat(v1.version()).isEqualTo("v1");
    assertThat(v1.refName()).isEqualTo("refs/tags/v1");
    assertThat(v1.metadata()).containsEntry("describe", "v1").containsEntry("ref", "refs/tags/v1");
    assertThat(v1.describe()).startsWith("git v1 (");
  }

  @Test
  void a_tag_is_recorded_as_its_own_describe_where_git_describe_would_prefer_an_annotated_one() throws Exception {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    repo.git().tag().setName("release-2").setObjectId(repo.git().getRepository().parseCommit(
        repo.git().getRepository().resolve("v2^{commit}"))).setAnnotated(false).call();

    ResolvedGitSource release = GitSource.of(repo.directory()).ref("release-2").resolve();

    assertThat(release.version()).isEqualTo("release-2");
    assertThat(release.metadata()).containsEntry("describe", "release-2").containsEntry("ref", "refs/tags/release-2");
  }

  @Test
  void an_annotated_tag_is_peeled_to_the_commit_it_tags() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    ObjectId tagObject = repo.git().getRepository().exactRef("refs/tags/v2").getObjectId();
    ObjectId commit = repo.git().getRepository().resolve("v2^{commit}");

    ResolvedGitSource v2 = GitSource.of(repo.directory()).ref("v2").resolve();

    assertThat(commit).isNotEqualTo(tagObject);
    assertThat(v2.commit()).contains(commit.name());
    assertThat(v2.version()).isEqualTo("v2");
  }

  @Test
  void a_branch_or_a_commit_id_takes_the_tag_on_its_commit_as_version() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    String v2 = repo.git().getRepository().resolve("v2^{commit}").name();

    assertThat(GitSource.of(repo.directory()).ref("feature").resolve().version()).isEqualTo("v3");
    assertThat(GitSource.of(repo.directory()).ref(v2).resolve().version()).isEqualTo("v2");
    assertThat(GitSource.of(repo.directory()).ref(v2.substring(0, 8)).resolve().commit()).contains(v2);
    assertThat(GitSource.of(repo.directory()).ref(v2).resolve().refName()).isEqualTo(v2);
  }

  @Test
  void an_untagged_commit_is_versioned_by_git_describe_unless_a_version_is_given() {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    repo.write("app.py", WorkshopRepo.app("v4-dev", "work in progress"));
    RevCommit next = repo.commit("wip");

    ResolvedGitSource head = GitSource.of(repo.directory()).ref("main").resolve();

    assertThat(head.version()).isEqualTo("v3-1-g" + next.abbreviate(7).name());
    assertThat(head.metadata()).containsEntry("describe", head.version());
    assertThat(GitSource.of(repo.directory()).ref("main").version("4.0-rc1").resolve().version()).isEqualTo("4.0-rc1");
  }

  @Test
  void a_missing_ref_fails_with_the_nearest_tags_and_branches() {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));

    assertThatThrownBy(() -> GitSource.of(repo.directory()).ref("v4").resolve())
        .isInstanceOf(GitRefNotFoundException.class)
        .hasMessageContaining("No tag, branch or commit \"v4\" in " + repo.directory())
        .hasMessageContaining("nearest are v1, v2, v3")
        .satisfies(e -> assertThat(((GitRefNotFoundException) e).nearest()).startsWith("v1", "v2", "v3"));
    assertThatThrownBy(() -> GitSource.of(repo.directory()).ref("featur").resolve())
        .isInstanceOf(GitRefNotFoundException.class)
        .satisfies(e -> assertThat(((GitRefNotFoundException) e).nearest()).first().isEqualTo("feature"));
    assertThatThrownBy(() -> GitSource.of(repo.directory()).ref("0123456789abcdef0123456789abcdef01234567").resolve())
        .isInstanceOf(GitRefNotFoundException.class);
  }

  @Test
  void an_empty_repository_fails_and_says_so() {
    WorkshopRepo repo = WorkshopRepo.empty(temp.resolve("empty"));

    assertThatThrownBy(() -> GitSource.of(repo.directory()).ref("v1").resolve())
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void an_empty_remote_repository_fails_and_names_the_url() {
    WorkshopRepo.empty(temp.resolve("empty"));
    String url = temp.resolve("empty").toUri().toString();

    assertThatThrownBy(() -> GitSource.of(url).cacheDirectory(temp.resolve("cache")).ref("v1").resolve())
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("The repository " + url + " is empty");
  }

  @Test
  void a_directory_that_is_no_repository_fails_and_names_it() throws IOException {
    Path plain = Files.createDirectories(temp.resolve("plain"));

    assertThatThrownBy(() -> GitSource.of(plain).ref("v1").resolve())
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("No git repository at " + plain);
  }

  @Test
  void a_tag_that_points_at_a_tree_fails_before_anything_is_archived() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    ObjectId tree = repo.git().getRepository().resolve("v1^{tree}");
    repo.pointRef("refs/tags/broken", tree);

    assertThatThrownBy(() -> GitSource.of(repo.directory()).ref("broken").resolve())
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("\"broken\"")
        .hasMessageContaining("points at a tree")
        .hasMessageContaining("not a commit");
  }

  @Test
  void a_tag_whose_tree_lacks_a_file_fails_to_resolve_with_the_missing_object() throws IOException {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    ObjectId commit = repo.commitWithMissingBlob();
    repo.pointRef("refs/tags/v9", commit);

    assertThatThrownBy(() -> GitSource.of(repo.directory()).ref("v9").resolve())
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("Cannot read the files of commit " + commit.name())
        .hasMessageContaining("git fsck");
  }

  @Test
  void a_file_url_is_fetched_into_the_cache_and_new_tags_are_seen_on_the_next_resolve() {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"));
    String url = repo.directory().toUri().toString();
    GitSource source = GitSource.of(url).cacheDirectory(temp.resolve("cache"));

    assertThat(source.ref("v2").resolve().version()).isEqualTo("v2");
    repo.write("app.py", WorkshopRepo.app("v4", "four"));
    repo.commit("feat: v4");
    repo.tag("v4", true);

    assertThat(source.ref("v4").resolve().version()).isEqualTo("v4");
    assertThat(temp.resolve("cache")).isDirectoryContaining(path -> path.toString().endsWith(".git"));
  }

  @Test
  void an_unreachable_remote_fails_with_the_url_and_what_to_check() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "ssh://git@127.0.0.1:" + closedPort + "/srv/app.git";

    assertThatThrownBy(() -> GitSource.of(url).cacheDirectory(temp.resolve("cache")).ref("v1").resolve())
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("Cannot fetch " + url)
        .hasMessageContaining("Check the URL");
    assertThatThrownBy(() -> GitSource.of("file://" + temp.resolve("nowhere")).cacheDirectory(temp.resolve("cache"))
        .ref("v1").resolve())
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("Cannot fetch file://");
  }
}
