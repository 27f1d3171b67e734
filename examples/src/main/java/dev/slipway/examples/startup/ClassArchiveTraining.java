package dev.slipway.examples.startup;

import dev.slipway.Host;
import dev.slipway.examples.workshop.FlaskWorkshop;
import dev.slipway.git.GitSource;
import dev.slipway.local.LocalHost;
import dev.slipway.ssh.SshHost;
import dev.slipway.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The training run that the build records the launcher's class-data archive from
 * ({@code -XX:ArchiveClassesAtExit}): it loads what a workshop step loads before its first round
 * trip — the command line, a git ref resolved with JGit, a template, a local command, an SSH host —
 * so that every later start maps those classes instead of loading and verifying them.
 *
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=app.jsa -cp app.jar dev.slipway.examples.startup.ClassArchiveTraining target/training
 * }</pre>
 */
public final class ClassArchiveTraining {
  private static final PersonIdent AUTHOR = new PersonIdent("Training", "training@example.invalid");

  private ClassArchiveTraining() {}

  /** Runs the training in the scratch directory {@code args[0]}, which it deletes afterwards. */
  public static void main(String[] args) throws IOException, GitAPIException {
    Path scratch = Path.of(args[0]).toAbsolutePath();
    deleteTree(scratch);
    try {
      FlaskWorkshop.main(new String[] {"--help"});
      Path repository = scratch.resolve("app");
      tagOneCommit(repository);
      System.out.println(GitSource.of(repository).ref("v1").resolve().describe());
      System.out.println(Template.fromString("unit", "ExecStart={{ command }}").render(Map.of("command", "true")));
      try (Host local = LocalHost.create()) {
        local.run("true");
      }
      SshHost.builder("training").address("127.0.0.1").build().close();
    } finally {
      deleteTree(scratch);
    }
  }

  private static void tagOneCommit(Path directory) throws IOException, GitAPIException {
    Files.createDirectories(directory);
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      Files.writeString(directory.resolve("app.py"), "print('training')\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("training").setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
      git.tag().setName("v1").setAnnotated(false).call();
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
