package dev.slipway.git.internal;

import static dev.slipway.Command.cmd;

import dev.slipway.Batch;
import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.Operation;
import dev.slipway.git.GitSourceException;
import dev.slipway.git.GitStrategy;
import dev.slipway.git.InstallReport;
import dev.slipway.release.InstallTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a commit by uploading a {@code tar.gz} made by JGit and unpacking it with
 * {@code tar -xzf}. When the previous release's {@link Manifest} is known, only the files whose
 * content or mode changed are sent (with every directory and the new manifest); the unchanged ones
 * are copied on the host from the previous release ({@link UnchangedFiles}), which stays untouched.
 *
 * <p>Two ways: {@link #install} reads the previous manifest from the host and sends what it must in
 * round trips of its own; {@link #operations} computes the previous manifest on the controller from
 * the previous release's commit and returns the whole install as operations of the caller's batch.
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
      return report(host.name(), target, true, send.size(), manifest.entries().size() - send.size(),
          uploadAndExtract(host, target, send));
    }
    return report(host.name(), target, false, manifest.entries().size(), 0,
        uploadAndExtract(host, target, manifest.entries()));
  }

  /**
   * What an install into a release made from {@code previousCommit} sends: the files that changed
   * since that commit, or all of them when it is unknown or not in the local repository. The
   * previous manifest is computed as the previous install computed it, so it equals the one that
   * install wrote into its release.
   */
  public Delta delta(Optional<String> previousCommit) {
    Optional<Manifest> before = previousCommit.flatMap(this::manifestOf);
    List<Manifest.Entry> send = before.map(manifest::changedSince).orElse(manifest.entries());
    return new Delta(before.isPresent(), before.map(manifest::unchangedSince).orElse(List.of()), send.size(),
        archive(send));
  }

  /**
   * The install of {@code delta} into {@code target.directory()} as operations: the copy of the
   * unchanged files from the previous release, then upload (on the batch's stdin), unpack and remove
   * of the archive. Their scratch files live in the staging directory, which the release manager
   * empties if an operation fails.
   */
  public List<Operation> operations(InstallTarget target, Delta delta) {
    List<Operation> operations = new ArrayList<>();
    String scratch = target.directory() + "/.slipway-upload-" + UUID.randomUUID();
    if (!delta.unchanged().isEmpty()) {
      operations.addAll(UnchangedFiles.operations(target.previousRelease().orElseThrow(), target.directory(),
          scratch, delta.unchanged()));
    }
    operations.add(new Operation.Upload(scratch + ".tgz", delta.archive(), 0600));
    operations.add(unpack(scratch + ".tgz", target));
    operations.add(new Operation.Remove(scratch + ".tgz"));
    return operations;
  }

  /** What {@link #operations} sends, reported for the target's host. */
  public static InstallReport report(InstallTarget target, Delta delta) {
    return report(target.host(), target, delta.incremental(), delta.filesSent(), delta.unchanged().size(),
        delta.archive().length);
  }

  /**
   * The files one install sends and copies.
   *
   * @param incremental whether the previous release's manifest was known
   * @param unchanged the files to copy from the previous release
   * @param filesSent the files in {@code archive}
   * @param archive the {@code tar.gz} to upload: the changed files, every directory and the manifest
   *     (shared by every host's batch; arrays compare by identity in this record)
   */
  public record Delta(boolean incremental, List<Manifest.Entry> unchanged, int filesSent, byte[] archive) {
    public Delta {
      unchanged = List.copyOf(unchanged);
    }
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

  private static InstallReport report(String host, InstallTarget target, boolean incremental, int sent, int copied,
                                      long bytes) {
    return new InstallReport(host, target.directory(), GitStrategy.ARCHIVE, incremental, sent, copied, bytes);
  }

  private long uploadAndExtract(Host host, InstallTarget target, List<Manifest.Entry> send) {
    String archive = uploads(target) + "/" + lastElement(target.directory()) + ".tgz";
    byte[] content = archive(send);
    try {
      host.mkdirs(uploads(target));
      host.upload(new ByteArrayInputStream(content), archive, 0600);
      host.apply(Batch.of(unpack(archive, target), new Operation.Remove(archive)));
      return content.length;
    } catch (RuntimeException e) {
      host.delete(archive);
      throw e;
    }
  }

  private static Operation unpack(String archive, InstallTarget target) {
    return new Operation.Exec(cmd("tar", "-xzf", archive, "-C", target.directory()));
  }

  private byte[] archive(List<Manifest.Entry> files) {
    try (Repository repository = RepositoryCache.open(gitDir); RevWalk walk = new RevWalk(repository)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ReleaseTree.archive(repository, walk.parseCommit(commit), manifest, files, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new GitSourceException("Cannot archive commit " + commit.name() + " of " + gitDir + ": "
          + e.getMessage(), e);
    }
  }

  // Not known locally (a commit of another repository, or pruned since): the caller sends every file.
  private Optional<Manifest> manifestOf(String previousCommit) {
    if (!ObjectId.isId(previousCommit)) {
      return Optional.empty();
    }
    try (Repository repository = RepositoryCache.open(gitDir); RevWalk walk = new RevWalk(repository)) {
      ObjectId id = ObjectId.fromString(previousCommit);
      return repository.getObjectDatabase().has(id)
          ? Optional.of(ReleaseTree.manifest(repository, walk.parseCommit(id))) : Optional.empty();
    } catch (IOException | GitSourceException e) {
      log.debug("previous commit {} is not complete in {}, sending every file: {}", previousCommit, gitDir,
          e.getMessage());
      return Optional.empty();
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
}
