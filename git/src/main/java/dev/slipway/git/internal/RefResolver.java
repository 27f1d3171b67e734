package dev.slipway.git.internal;

import dev.slipway.git.GitRefNotFoundException;
import dev.slipway.git.GitSourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;

/** Turns a tag, branch or commit id into a commit, with the facts a release records. */
public final class RefResolver {
  private static final int NEAREST = 5;

  private RefResolver() {}

  /**
   * What a ref resolved to.
   *
   * @param refName the full ref name ({@code refs/tags/v2}), or the commit id when a commit was given
   * @param commit the commit
   * @param tag a tag that points at the commit (the one asked for, if it was a tag)
   * @param describe {@code git describe --tags --always} of the commit
   */
  public record Resolution(String refName, RevCommit commit, Optional<String> tag, String describe) {}

  /**
   * Resolves {@code ref} in {@code repository}; {@code where} names the repository in errors. A tag
   * is its own version and {@code describe}: only a branch or a commit id scans the tags and walks
   * the history, and only a ref that is not found lists the refs.
   */
  public static Resolution resolve(Repository repository, String ref, String where) {
    try (RevWalk walk = new RevWalk(repository)) {
      RevObject peeled = walk.peel(parse(walk, repository, ref, where));
      if (!(peeled instanceof RevCommit commit)) {
        throw new GitSourceException("\"" + ref + "\" in " + where + " points at a "
            + Constants.typeString(peeled.getType()) + " (" + peeled.name() + "), not a commit: "
            + "tag a commit instead (git tag -f " + ref + " <commit>)");
      }
      Ref named = repository.findRef(ref);
      if (named != null && named.getName().startsWith(Constants.R_TAGS)) {
        String tag = Repository.shortenRefName(named.getName());
        return new Resolution(named.getName(), commit, Optional.of(tag), tag);
      }
      String refName = named != null ? named.getName() : commit.name();
      return new Resolution(refName, commit, tagOf(repository, commit), describe(repository, commit));
    } catch (IOException e) {
      throw new GitSourceException("Cannot read \"" + ref + "\" in " + where + ": " + e.getMessage(), e);
    }
  }

  private static void requireNotEmpty(Repository repository, String where) throws IOException {
    if (repository.getRefDatabase().getRefs().stream().noneMatch(r -> r.getObjectId() != null)) {
      throw new GitSourceException("The repository " + where + " is empty: it has no commits, tags or "
          + "branches yet. Commit and tag something first (git commit, git tag v1).");
    }
  }

  private static RevObject parse(RevWalk walk, Repository repository, String ref, String where)
      throws IOException {
    try {
      return walk.parseAny(lookUp(repository, ref, where));
    } catch (MissingObjectException e) {
      if (ObjectId.isId(ref)) {
        requireNotEmpty(repository, where);
        throw new GitRefNotFoundException(where, ref, nearest(repository, ref));
      }
      throw new GitSourceException("\"" + ref + "\" in " + where + " points at " + e.getObjectId().name()
          + ", which the repository does not have: the repository is incomplete (try git fsck)", e);
    }
  }

  private static ObjectId lookUp(Repository repository, String ref, String where) throws IOException {
    try {
      ObjectId id = repository.resolve(ref);
      if (id != null) {
        return id;
      }
    } catch (RevisionSyntaxException e) {
      // Not a valid revision at all: reported like a missing one, with the nearest names.
    }
    requireNotEmpty(repository, where);
    throw new GitRefNotFoundException(where, ref, nearest(repository, ref));
  }

  private static Optional<String> tagOf(Repository repository, RevCommit commit) throws IOException {
    List<String> tags = new ArrayList<>();
    for (Ref tag : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
      Ref peeled = repository.getRefDatabase().peel(tag);
      ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
      if (commit.equals(target)) {
        tags.add(tag.getName());
      }
    }
    return tags.stream().sorted().findFirst().map(Repository::shortenRefName);
  }

  private static String describe(Repository repository, RevCommit commit) {
    try {
      return new Git(repository).describe().setTarget(commit).setTags(true).setAlways(true).call();
    } catch (GitAPIException | IOException e) {
      return commit.abbreviate(7).name();
    }
  }

  /** The short names of the tags and branches closest to {@code ref} by edit distance. */
  static List<String> nearest(Repository repository, String ref) throws IOException {
    List<String> names = new ArrayList<>();
    for (Ref candidate : repository.getRefDatabase().getRefsByPrefix(Constants.R_REFS)) {
      if (candidate.getName().startsWith(Constants.R_TAGS) || candidate.getName().startsWith(Constants.R_HEADS)) {
        names.add(Repository.shortenRefName(candidate.getName()));
      }
    }
    return names.stream()
        .sorted(Comparator.comparingInt((String name) -> editDistance(ref, name)).thenComparing(name -> name))
        .limit(NEAREST)
        .toList();
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
