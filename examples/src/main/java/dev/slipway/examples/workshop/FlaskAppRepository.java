package dev.slipway.examples.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Path repo = FlaskAppRepository.createOrReuse(Path.of("target/flask-demo-src"));
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

  /** The repository at {@code directory}, created with its tags unless it already has them. */
  public static Path createOrReuse(Path directory) {
    try {
      if (Files.isDirectory(directory.resolve(".git")) && hasAllTags(directory)) {
        return directory;
      }
      deleteTree(directory);
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

  private static boolean hasAllTags(Path directory) throws IOException {
    try (Repository repository = new FileRepositoryBuilder().setWorkTree(directory.toFile()).build()) {
      for (String tag : List.of("v1", "v2", "v3", "v4")) {
        if (repository.exactRef("refs/tags/" + tag) == null) {
          return false;
        }
      }
      return true;
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

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
