package dev.slipway.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The workshop's Flask app as a JGit repository made in the test: {@code app.py} saying v1, v2 and
 * v3, tagged {@code v1} (lightweight), {@code v2} (annotated) and {@code v3}, plus an executable
 * script, a symlink and a branch {@code feature}.
 */
final class WorkshopRepo {
  private static final PersonIdent AUTHOR = new PersonIdent("Slipway Test", "test@slipway.dev");

  private final Path directory;
  private final Git git;

  private WorkshopRepo(Path directory, Git git) {
    this.directory = directory;
    this.git = git;
  }

  /** A new repository in {@code directory} with the three tagged versions. */
  static WorkshopRepo create(Path directory) {
    WorkshopRepo repo = empty(directory);
    repo.write("requirements.txt", "flask==3.0.3\n");
    repo.write("run.sh", "#!/bin/sh\nexec gunicorn app:app\n");
    repo.executable("run.sh");
    repo.symlink("start", "run.sh");
    repo.appVersion("v1", "Hello from Flask demo!", false);
    repo.appVersion("v2", "Hello from Flask demo v2!", true);
    repo.appVersion("v3", "Hello from Flask demo v3 (with a tiny change)!", false);
    repo.run(() -> repo.git.branchCreate().setName("feature").call());
    return repo;
  }

  /**
   * {@link #create} plus {@code v4}, adding {@code static/css/site.css} and
   * {@code lib/helpers/util.py}, and {@code v5}, changing only {@code app.py}.
   */
  static WorkshopRepo withStaticFiles(Path directory) {
    WorkshopRepo repo = create(directory);
    repo.write("static/css/site.css", "body { color: black; }\n").write("lib/helpers/util.py", "X = 1\n");
    repo.appVersion("v4", "four", false);
    repo.appVersion("v5", "five", false);
    return repo;
  }

  /** Commits an {@code app.py} saying {@code version} and {@code message} and tags it {@code version}. */
  private void appVersion(String version, String message, boolean annotated) {
    write("app.py", app(version, message));
    commit("feat: " + version);
    tag(version, annotated);
  }

  /** A repository with no commit at all. */
  static WorkshopRepo empty(Path directory) {
    try {
      return new WorkshopRepo(directory, Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call());
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  static String app(String version, String message) {
    return "from flask import Flask, jsonify\n\napp = Flask(__name__)\n\n"
        + "@app.get(\"/\")\ndef index():\n    return \"" + message + "\"\n\n"
        + "@app.get(\"/version\")\ndef version():\n    return jsonify({\"version\": \"" + version + "\"})\n";
  }

  Path directory() {
    return directory;
  }

  Git git() {
    return git;
  }

  WorkshopRepo write(String path, String content) {
    try {
      Path file = directory.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WorkshopRepo executable(String path) {
    try {
      Files.setPosixFilePermissions(directory.resolve(path), PosixFilePermissions.fromString("rwxr-xr-x"));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WorkshopRepo symlink(String link, String target) {
    try {
      Files.createSymbolicLink(directory.resolve(link), Path.of(target));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RevCommit commit(String message) {
    run(() -> git.add().addFilepattern(".").call());
    run(() -> git.add().addFilepattern(".").setUpdate(true).call());
    return run(() -> git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call());
  }

  void tag(String name, boolean annotated) {
    if (annotated) {
      run(() -> git.tag().setName(name).setMessage("release " + name).setTagger(AUTHOR).call());
    } else {
      run(() -> git.tag().setName(name).setAnnotated(false).call());
    }
  }

  /** Points the ref {@code name} at {@code target}, whatever that object is. */
  void pointRef(String name, ObjectId target) {
    try {
      RefUpdate update = git.getRepository().updateRef(name);
      update.setNewObjectId(target);
      update.setForceUpdate(true);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
        throw new IllegalStateException("cannot point " + name + " at " + target.name() + ": " + result);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A commit (on no branch) whose tree names a blob the repository does not have: it cannot be archived. */
  ObjectId commitWithMissingBlob() {
    try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
      TreeFormatter tree = new TreeFormatter();
      tree.append("app.py", FileMode.REGULAR_FILE, ObjectId.fromString("deadbeefdeadbeefdeadbeefdeadbeefdeadbeef"));
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(inserter.insert(tree));
      commit.setAuthor(AUTHOR);
      commit.setCommitter(AUTHOR);
      commit.setMessage("broken");
      ObjectId id = inserter.insert(Constants.OBJ_COMMIT, commit.build());
      inserter.flush();
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T run(GitCall<T> call) {
    try {
      return call.call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  @FunctionalInterface
  private interface GitCall<T> {
    T call() throws GitAPIException;
  }
}
