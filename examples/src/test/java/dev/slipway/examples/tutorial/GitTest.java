package dev.slipway.examples.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Git node for real: the git command on this machine, a repository made in the test. */
class GitTest {
  @TempDir
  Path dir;

  private final Host local = LocalHost.create();

  private Git gitOn(Host host, String repository, String directory) {
    Git git = new Git().repository(repository).projectDirectory(directory).branch("main");
    Node.root().child("git", git, roles -> roles.add("host", host));
    return git;
  }

  @Test
  void clones_checks_out_tags_and_describes_what_is_checked_out() throws Exception {
    String repository = SampleRepository.create(local, dir + "/repository");
    Git git = gitOn(local, repository, dir + "/work copy");

    git.cloneRepository();
    git.checkout("v1");
    String afterV1 = git.describe().get("local");
    String versionFileAtV1 = Files.readString(dir.resolve("work copy/VERSION"));
    git.checkout("v2");

    assertThat(afterV1).isEqualTo("v1");
    assertThat(versionFileAtV1).isEqualTo("v1\n");
    assertThat(git.describe().get("local")).isEqualTo("v2");
    assertThat(dir.resolve("work copy/VERSION")).hasContent("v2");
  }

  @Test
  void cloning_again_keeps_the_working_copy_and_fetch_brings_new_tags() {
    String repository = SampleRepository.create(local, dir + "/repository");
    Git git = gitOn(local, repository, dir + "/checkout");
    git.cloneRepository();
    git.checkout("v1");

    local.cd(repository).run("git tag v1-hotfix v1");
    git.cloneRepository();
    git.fetch();
    git.checkout("v1-hotfix");

    assertThat(git.describe().get("local")).isIn("v1", "v1-hotfix");
    assertThat(dir.resolve("checkout/VERSION")).hasContent("v1");
  }
}
