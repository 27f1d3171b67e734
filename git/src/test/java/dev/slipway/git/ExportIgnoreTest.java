package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JGit's archive ignores {@code .gitattributes}; the git source filters the tree as {@code git archive} does. */
class ExportIgnoreTest {
  @TempDir Path temp;

  @Test
  void export_ignored_paths_are_left_out_exactly_as_git_archive_leaves_them_out() throws Exception {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"))
        .write(".gitattributes", "tests/ export-ignore\n*.md export-ignore\nKEEP.md -export-ignore\n"
            + "docs/internal export-ignore\n")
        .write("tests/test_app.py", "def test(): pass\n")
        .write("README.md", "# app\n")
        .write("KEEP.md", "kept\n")
        .write("docs/internal/notes.txt", "internal\n")
        .write("docs/guide.txt", "guide\n")
        .write("config/.gitattributes", "secret.txt export-ignore\n")
        .write("config/secret.txt", "local only\n")
        .write("config/app.cfg", "debug = False\n");
    repo.commit("feat: v5 with attributes");
    repo.tag("v5", false);
    Path deployTo = temp.resolve("srv");

    String release;
    try (Host host = LocalHost.create()) {
      release = new TestReleases(deployTo.toString()).deploy(host, GitSource.of(repo.directory()).ref("v5"));
    }

    Map<String, String> deployed = Trees.describe(Path.of(release));
    deployed.remove(".slipway-manifest");
    assertThat(deployed).containsKeys("app.py", "KEEP.md", "docs/guide.txt", "config/app.cfg", ".gitattributes")
        .doesNotContainKeys("tests", "tests/test_app.py", "README.md", "docs/internal", "config/secret.txt");
    assertThat(deployed).isEqualTo(Trees.describe(gitArchive(repo.directory(), "v5")));
  }

  @Test
  void an_install_in_a_batch_computes_the_previous_manifest_with_export_ignore_as_the_previous_install_did() {
    WorkshopRepo repo = WorkshopRepo.create(temp.resolve("app"))
        .write(".gitattributes", "tests/ export-ignore\n*.md export-ignore\n")
        .write("tests/test_app.py", "def test(): pass\n")
        .write("README.md", "# app\n");
    repo.commit("feat: attributes");
    repo.tag("v4", false);
    repo.write("app.py", WorkshopRepo.app("v5", "five")).write("README.md", "# app, v5\n");
    repo.commit("feat: v5");
    repo.tag("v5", false);
    GitSource source = GitSource.of(repo.directory());
    TestReleases releases = TestReleases.inBatches(temp.resolve("srv").toString());
    ResolvedGitSource v5 = source.ref("v5").resolve();

    String release;
    String full;
    try (Host host = LocalHost.create()) {
      releases.deploy(host, source.ref("v4"));
      release = releases.deploy(host, () -> v5);
      full = new TestReleases(temp.resolve("full").toString()).deploy(host, () -> v5);
    }

    assertThat(v5.installs()).extracting(InstallReport::incremental).containsExactly(true, false);
    assertThat(v5.installs().get(0).filesSent()).isEqualTo(1);
    assertThat(v5.installs().get(0).filesCopied()).isEqualTo(v5.fileCount() - 1);
    assertThat(Trees.describe(Path.of(release))).doesNotContainKeys("tests", "README.md")
        .isEqualTo(Trees.describe(Path.of(full)));
  }

  /** What the git binary's own {@code git archive} produces, unpacked. */
  private Path gitArchive(Path repository, String ref) throws IOException, InterruptedException {
    Path out = Files.createDirectories(temp.resolve("git-archive"));
    Process process = new ProcessBuilder("sh", "-c", "git -c tar.umask=0022 -C \"$1\" archive \"$2\" | tar -xf - -C \"$3\"",
        "sh", repository.toString(), ref, out.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    return out;
  }
}
