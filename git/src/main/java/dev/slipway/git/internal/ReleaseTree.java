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
import org.eclipse.jgit.api.ArchiveCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.archive.ArchiveFormats;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit as a release sees them: {@code export-ignore} paths left out, as
 * {@code git archive} does. JGit's {@link ArchiveCommand} ignores {@code .gitattributes}, so the
 * tree is filtered here and the archive is restricted to the kept paths.
 */
public final class ReleaseTree {
  static {
    // JGit keeps its formats in a registry of its own; registering is idempotent and counted.
    ArchiveFormats.registerAll();
  }

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
          entries.add(new Manifest.Entry(walk.getPathString(), mode.getBits(),
              sha256(repository, walk.getObjectId(0))));
        }
      }
      return new Manifest(commit.name(), entries);
    } catch (IOException e) {
      throw new GitSourceException("Cannot read the files of commit " + commit.name() + " in "
          + repository.getDirectory() + ": " + e.getMessage() + " (is the repository complete? try git fsck)", e);
    }
  }

  /** Writes a {@code tar.gz} of {@code paths} (files of {@code commit}) to {@code out}. */
  public static void archive(Repository repository, ObjectId commit, List<String> paths, OutputStream out) {
    try {
      new Git(repository).archive()
          .setTree(commit)
          .setFormat("tgz")
          .setPaths(paths.toArray(String[]::new))
          .setOutputStream(out)
          .call();
    } catch (GitAPIException | RuntimeException e) {
      throw new GitSourceException("Cannot archive commit " + commit.name() + " of "
          + repository.getDirectory() + ": " + e.getMessage(), e);
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
