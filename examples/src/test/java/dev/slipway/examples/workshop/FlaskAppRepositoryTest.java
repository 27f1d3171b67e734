package dev.slipway.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.recipe.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --repo} reads the repository a user names and never rewrites it; the sample is made only where nothing is. */
class FlaskAppRepositoryTest {
  @TempDir
  Path workshop;

  @Test
  void a_repository_lacking_the_tags_is_left_byte_for_byte_unchanged_and_the_error_names_them() throws Exception {
    Path repo = workshop.resolve("my-app");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.writeString(repo.resolve("app.py"), "print('mine')\n");
      git.add().addFilepattern(".").call();
      PersonIdent me = new PersonIdent("Me", "me@example.invalid");
      git.commit().setMessage("mine").setAuthor(me).setCommitter(me).setSign(false).call();
      git.tag().setName("v1").setAnnotated(false).call();
    }
    Map<String, String> before = bytes(repo);

    Workshop deploy = Workshop.run(FlaskWorkshop.recipe(workshop.resolve("flask-demo").toString(), 8000, workshop),
        "--repo", repo.toString(), "deploy", "v2");
    Workshop check = Workshop.run(FlaskWorkshop.recipe(workshop.resolve("flask-demo").toString(), 8000, workshop),
        "check", "--repo", repo.toString(), "v1");

    assertThat(deploy.exit()).isEqualTo(ExitStatus.FAILED);
    assertThat(deploy.err().strip()).isEqualTo("error: " + repo + " lacks the workshop's tag(s) v2, v3, v4"
        + " (it was left as it is); give --repo a repository with the tags v1..v4");
    assertThat(check.err()).contains("lacks the workshop's tag(s) v2, v3, v4");
    assertThat(bytes(repo)).isEqualTo(before);
    assertThat(workshop.resolve("flask-demo")).doesNotExist();
  }

  @Test
  void the_sample_is_made_where_nothing_exists_and_then_only_read() throws IOException {
    Path sample = workshop.resolve("app-src");

    FlaskAppRepository.createIfMissing(sample);
    Map<String, String> made = bytes(sample);
    FlaskAppRepository.createIfMissing(sample);

    assertThat(made).containsKey("app.py");
    assertThat(bytes(sample)).isEqualTo(made);
  }

  /** Every file under {@code root} with its content. */
  private static Map<String, String> bytes(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(path))
            + " " + Files.getLastModifiedTime(path));
      }
    }
    return files;
  }
}
