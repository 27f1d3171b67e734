package dev.slipway.git.internal;

import dev.slipway.git.GitSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.eclipse.jgit.archive.TgzFormat;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit as a release sees them, and their archive. {@code export-ignore} paths
 * are left out, as {@code git archive} does: JGit's {@code ArchiveCommand} ignores
 * {@code .gitattributes}, and it can neither send a subset of files with all their directories
 * nor add the manifest. So the tree is walked here and written with JGit's own {@link TgzFormat}
 * (the writer {@code ArchiveCommand} uses for {@code "tgz"}): same entries, modes and times.
 */
public final class ReleaseTree {
  private ReleaseTree() {}

  /** The manifest of {@code commit}: every kept file with its SHA-256 and git mode. */
  public static Manifest manifest(Repository repository, RevCommit commit) {
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(false);
      List<Manifest.Entry> entries = new ArrayList<>();
      while (walk.next()) {
        if (walk.getAttributes().isSet("export-ignore")) {
          continue;
        }
        FileMode mode = walk.getFileMode(0);
        if (walk.isSubtree()) {
          walk.enterSubtree();
        } else if (mode != FileMode.GITLINK) {
          ObjectId blob = walk.getObjectId(0);
          entries.add(new Manifest.Entry(walk.getPathString(), mode.getBits(), sha256(repository, blob), blob.name()));
        }
      }
      return new Manifest(commit.name(), entries);
    } catch (IOException e) {
      throw new GitSourceException("Cannot read the files of commit " + commit.name() + " in "
          + repository.getDirectory() + ": " + e.getMessage() + " (is the repository complete? try git fsck)", e);
    }
  }

  /**
   * Writes a {@code tar.gz} to {@code out} holding every directory of {@code manifest} (so that tar
   * sets their modes whatever created them), the {@code files} and the manifest itself.
   */
  public static void archive(Repository repository, RevCommit commit, Manifest manifest, List<Manifest.Entry> files,
                             OutputStream out) throws IOException {
    TgzFormat format = new TgzFormat();
    try (ArchiveOutputStream<TarArchiveEntry> tar = format.createArchiveOutputStream(out)) {
      for (String directory : manifest.directories()) {
        format.putEntry(tar, commit, directory + "/", FileMode.TREE, null);
      }
      for (Manifest.Entry file : files) {
        format.putEntry(tar, commit, file.path(), FileMode.fromBits(file.mode()),
            repository.open(ObjectId.fromString(file.blob()), Constants.OBJ_BLOB));
      }
      byte[] text = manifest.render().getBytes(StandardCharsets.UTF_8);
      format.putEntry(tar, commit, Manifest.FILE_NAME, FileMode.REGULAR_FILE,
          new ObjectLoader.SmallObject(Constants.OBJ_BLOB, text));
    }
  }

  private static String sha256(Repository repository, ObjectId blob) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream content = repository.open(blob).openStream()) {
      byte[] buffer = new byte[65536];
      for (int n = content.read(buffer); n > 0; n = content.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
