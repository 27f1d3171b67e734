package dev.slipway.git.internal;

import static dev.slipway.Command.cmd;

import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.git.GitSourceException;
import dev.slipway.git.GitStrategy;
import dev.slipway.git.InstallReport;
import dev.slipway.Batch;
import dev.slipway.Operation;
import dev.slipway.release.InstallTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a commit by uploading a {@code tar.gz} made by JGit and unpacking it with
 * {@code tar -xzf}. When the previous release carries a {@link Manifest}, only the files whose
 * content or mode changed are sent (with every directory and the new manifest); the unchanged ones
 * are copied on the host from the previous release ({@link UnchangedFiles}), which stays untouched.
 *
 * @param gitDir the local repository holding the commit
 * @param commit the commit to install
 * @param manifest the files of the commit, as the release will hold them
 */
public record ArchiveInstaller(Path gitDir, ObjectId commit, Manifest manifest) {
  private static final Logger log = LoggerFactory.getLogger(ArchiveInstaller.class);

  /** Fills {@code target.directory()} on {@code host} and reports what was sent. */
  public InstallReport install(Host host, InstallTarget target) {
    Optional<String> previous = target.previousRelease().filter(dir -> host.exists(manifestIn(dir)));
    Optional<Manifest> before = previous.flatMap(dir -> Manifest.parse(host.readString(manifestIn(dir))));
    if (before.isPresent() && copied(host, previous.orElseThrow(), target, before.get())) {
      List<Manifest.Entry> send = manifest.changedSince(before.get());
      return report(host, target, true, send.size(), manifest.entries().size() - send.size(),
          uploadAndExtract(host, target, send));
    }
    return report(host, target, false, manifest.entries().size(), 0,
        uploadAndExtract(host, target, manifest.entries()));
  }

  /**
   * Copies the files {@code before} shows unchanged; false if that failed (a file of the previous
   * release was removed or made unreadable on the host): the full archive then overwrites whatever
   * was copied, so the release is the same either way.
   */
  private boolean copied(Host host, String previous, InstallTarget target, Manifest before) {
    try {
      host.mkdirs(uploads(target));
      UnchangedFiles.copy(host, previous, target.directory(), uploads(target) + "/" + lastElement(target.directory())
          + ".copy.tar", manifest.unchangedSince(before));
      return true;
    } catch (CommandFailedException e) {
      log.warn("{}: cannot copy the unchanged files from {} ({}); sending every file instead",
          host.name(), previous, e.getMessage().lines().findFirst().orElse(""));
      return false;
    }
  }

  private static InstallReport report(Host host, InstallTarget target, boolean incremental, int sent, int copied,
                                      long bytes) {
    return new InstallReport(host.name(), target.directory(), GitStrategy.ARCHIVE, incremental, sent, copied, bytes);
  }

  private long uploadAndExtract(Host host, InstallTarget target, List<Manifest.Entry> send) {
    String archive = uploads(target) + "/" + lastElement(target.directory()) + ".tgz";
    Path local = archiveLocally(send);
    try (InputStream content = Files.newInputStream(local)) {
      host.mkdirs(uploads(target));
      host.upload(content, archive, 0600);
      host.apply(Batch.of(
          new Operation.Exec(cmd("tar", "-xzf", archive, "-C", target.directory())),
          new Operation.Remove(archive)));
      return Files.size(local);
    } catch (IOException e) {
      throw new GitSourceException("Cannot read the archive " + local + " of commit " + commit.name()
          + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      host.delete(archive);
      throw e;
    } finally {
      deleteQuietly(local);
    }
  }

  private Path archiveLocally(List<Manifest.Entry> files) {
    Path local = null;
    try {
      local = Files.createTempFile("slipway-" + commit.abbreviate(7).name() + "-", ".tgz");
      try (Repository repository = RepositoryCache.open(gitDir); RevWalk walk = new RevWalk(repository);
           OutputStream out = Files.newOutputStream(local)) {
        ReleaseTree.archive(repository, walk.parseCommit(commit), manifest, files, out);
      }
      return local;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(local);
      if (e instanceof GitSourceException g) {
        throw g;
      }
      throw new GitSourceException("Cannot archive commit " + commit.name() + " of " + gitDir + ": "
          + e.getMessage(), e);
    }
  }

  private static String uploads(InstallTarget target) {
    return target.stateDirectory() + "/tmp";
  }

  private static String manifestIn(String directory) {
    return directory + "/" + Manifest.FILE_NAME;
  }

  private static String lastElement(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A leftover temporary file is harmless; the deploy's outcome does not depend on it.
    }
  }
}
