package dev.slipway.examples.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The workshop's Flask application as a git repository with tags {@code v1}, {@code v2} and
 * {@code v3}, made exactly as the workshop document makes it (same {@code app.py}, same edits),
 * plus {@code v4}, whose requirements cannot be installed, to show a deploy failing before the
 * switch.
 *
 * <pre>{@code
 * Path repo = FlaskAppRepository.createIfMissing(Path.of("target/flask-demo-src"));
 * }</pre>
 *
 * <p>{@code requirements.txt} is unpinned: these machines have no PyPI, and the dependency
 * environment takes Flask and gunicorn from the system's packages.
 */
public final class FlaskAppRepository {
  static final String APP_V1 = """
      # app.py — application Flask minimale avec un endpoint /version
      # Import de Flask
      from flask import Flask, jsonify

      # Création de l'application
      app = Flask(__name__)

      # Route principale : renvoie un message et la version
      @app.get("/")
      def home():
          return "Hello from Flask demo!"

      # Route de version : utile pour vérifier le déploiement
      @app.get("/version")
      def version():
          return jsonify({"version": "v1"})

      # Lancement local éventuel (non utilisé en prod systemd/gunicorn)
      if __name__ == "__main__":
          app.run(host="0.0.0.0", port=8000)
      """;
  static final String REQUIREMENTS = "# Liste des dépendances Python\nFlask\ngunicorn\n";
  static final String BROKEN_REQUIREMENTS = REQUIREMENTS + "slipway-no-such-package-anywhere\n";

  /** The tags this repository holds, in the order the workshop deploys them. */
  public static final List<String> TAGS = List.of("v1", "v2", "v3");

  private static final PersonIdent AUTHOR =
      new PersonIdent("Workshop", "workshop@example.invalid");

  private FlaskAppRepository() {}

  /**
   * The sample repository at {@code directory}, made there only when nothing exists there yet (or
   * an empty directory); an existing one is only read, as {@link #existing} does.
   */
  public static Path createIfMissing(Path directory) {
    if (Files.exists(directory) && !isEmptyDirectory(directory)) {
      return existing(directory);
    }
    try {
      Files.createDirectories(directory);
      try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
        write(directory, "app.py", APP_V1);
        write(directory, "requirements.txt", REQUIREMENTS);
        commitAndTag(git, "feat: v1 initial", "v1");
        edit(directory, "Hello from Flask demo!", "Hello from Flask demo v2!", "\"v1\"", "\"v2\"");
        commitAndTag(git, "feat: v2", "v2");
        edit(directory, "Hello from Flask demo v2!", "Hello from Flask demo v3 (with a tiny change)!",
            "\"v2\"", "\"v3\"");
        commitAndTag(git, "feat: v3", "v3");
        edit(directory, "\"v3\"", "\"v4\"");
        write(directory, "requirements.txt", BROKEN_REQUIREMENTS);
        commitAndTag(git, "feat: v4 needs a package that does not exist", "v4");
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the workshop repository in " + directory, e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create the workshop repository in " + directory, e);
    }
  }

  /**
   * The repository the user named, read and never written: it must be a git repository with the
   * workshop's tags {@code v1}..{@code v4}.
   *
   * @throws IllegalArgumentException naming what is missing
   */
  public static Path existing(Path directory) {
    List<String> missing;
    try (Repository repository = new FileRepositoryBuilder().setMustExist(true)
        .setGitDir(gitDirectory(directory).toFile()).build()) {
      missing = new ArrayList<>();
      for (String tag : List.of("v1", "v2", "v3", "v4")) {
        if (repository.exactRef("refs/tags/" + tag) == null) {
          missing.add(tag);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(directory + " is not a git repository; give --repo a repository"
          + " with the tags v1..v4, or a directory that does not exist yet for the sample", e);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(directory + " lacks the workshop's tag(s) " + String.join(", ", missing)
          + " (it was left as it is); give --repo a repository with the tags v1..v4");
    }
    return directory;
  }

  private static Path gitDirectory(Path directory) {
    Path dotGit = directory.resolve(".git");
    return Files.isDirectory(dotGit) ? dotGit : directory;
  }

  private static boolean isEmptyDirectory(Path directory) {
    try (var entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void commitAndTag(Git git, String message, String tag) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    git.tag().setName(tag).setAnnotated(false).call();
  }

  /** Replaces text in app.py pairwise, like the workshop's {@code sed -i} lines. */
  private static void edit(Path directory, String... replacements) throws IOException {
    Path app = directory.resolve("app.py");
    String text = Files.readString(app);
    for (int i = 0; i < replacements.length; i += 2) {
      text = text.replace(replacements[i], replacements[i + 1]);
    }
    Files.writeString(app, text);
  }

  private static void write(Path directory, String name, String content) throws IOException {
    Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
  }
}
