package dev.slipway.git.internal;

import static dev.slipway.Command.cmd;

import dev.slipway.Host;
import dev.slipway.git.GitSourceException;
import dev.slipway.git.GitStrategy;
import dev.slipway.git.InstallReport;
import dev.slipway.ops.Batch;
import dev.slipway.ops.Operation;
import dev.slipway.release.InstallTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Installs a commit by uploading a {@code tar.gz} made by JGit and unpacking it with
 * {@code tar -xzf}. When the previous release carries a {@link Manifest}, only the files whose
 * content or mode changed are sent; the unchanged ones are copied on the host with {@code cp -a}
 * from the previous release. Copies rather than hard links: a release must stay independent of its
 * predecessor (cleanup may delete it, and an edit in one release, e.g. by a hook or an operator,
 * must not leak into the other through a shared inode).
 *
 * @param gitDir the local repository holding the commit
 * @param commit the commit to install
 * @param manifest the files of the commit, as the release will hold them
 */
public record ArchiveInstaller(Path gitDir, ObjectId commit, Manifest manifest) {
  /** Operations per batch: keeps each compiled script well under the kernel's 128 KiB argument limit. */
  private static final int OPERATIONS_PER_BATCH = 250;

  /** Fills {@code target.directory()} on {@code host} and reports what was sent. */
  public InstallReport install(Host host, InstallTarget target) {
    Optional<String> previous = target.previousRelease().filter(dir -> host.exists(manifestIn(dir)));
    Optional<Manifest> before = previous.flatMap(dir -> Manifest.parse(host.readString(manifestIn(dir))));
    List<Manifest.Entry> send = before.map(manifest::changedSince).orElse(manifest.entries());
    List<Manifest.Entry> copy = before.map(manifest::unchangedSince).orElse(List.of());
    if (!copy.isEmpty()) {
      copyUnchanged(host, previous.orElseThrow(), target.directory(), copy);
    }
    long bytesSent = send.isEmpty() ? 0 : uploadAndExtract(host, target, send);
    host.write(manifestIn(target.directory()), manifest.render());
    return new InstallReport(host.name(), target.directory(), GitStrategy.ARCHIVE, before.isPresent(),
        send.size(), copy.size(), bytesSent);
  }

  private long uploadAndExtract(Host host, InstallTarget target, List<Manifest.Entry> send) {
    String uploads = target.stateDirectory() + "/tmp";
    String archive = uploads + "/" + lastElement(target.directory()) + ".tgz";
    Path local = archiveLocally(Manifest.paths(send));
    try (InputStream content = Files.newInputStream(local)) {
      host.mkdirs(uploads);
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

  private Path archiveLocally(List<String> paths) {
    Path local = null;
    try {
      local = Files.createTempFile("slipway-" + commit.abbreviate(7).name() + "-", ".tgz");
      try (Repository repository = RepositoryCache.open(gitDir); OutputStream out = Files.newOutputStream(local)) {
        ReleaseTree.archive(repository, commit, paths, out);
      }
      return local;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(local);
      if (e instanceof GitSourceException g) {
        throw g;
      }
      throw new GitSourceException("Cannot write the archive of commit " + commit.name() + " to a temporary file: "
          + e.getMessage(), e);
    }
  }

  private static void copyUnchanged(Host host, String from, String to, List<Manifest.Entry> files) {
    List<Operation> operations = new ArrayList<>();
    TreeSet<String> directories = new TreeSet<>();
    for (Manifest.Entry file : files) {
      int slash = file.path().lastIndexOf('/');
      if (slash > 0) {
        directories.add(file.path().substring(0, slash));
      }
    }
    directories.forEach(dir -> operations.add(new Operation.Mkdirs(to + "/" + dir)));
    files.forEach(file -> operations.add(new Operation.Copy(from + "/" + file.path(), to + "/" + file.path())));
    for (int start = 0; start < operations.size(); start += OPERATIONS_PER_BATCH) {
      host.apply(new Batch(operations.subList(start, Math.min(operations.size(), start + OPERATIONS_PER_BATCH))));
    }
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
