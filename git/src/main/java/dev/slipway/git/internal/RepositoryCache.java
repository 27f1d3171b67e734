package dev.slipway.git.internal;

import dev.slipway.git.GitSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;

/**
 * Opens the repository a source names on the controller: a local repository as it is, a remote
 * URL ({@code file://}, {@code ssh://}, {@code user@host:path}) fetched into a bare cache first,
 * bringing only what is new on later runs.
 */
public final class RepositoryCache {
  private static final int FETCH_TIMEOUT_SECONDS = 60;
  private static final List<RefSpec> MIRROR_REFS = List.of(
      new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"));

  private RepositoryCache() {}

  /** The repository in the local directory {@code path} (a work tree or a bare repository). */
  public static Repository open(Path path) {
    if (!Files.isDirectory(path)) {
      throw new GitSourceException("No git repository at " + path + ": the directory does not exist");
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    Path dotGit = path.resolve(".git");
    builder.setGitDir((Files.exists(dotGit) ? dotGit : path).toFile());
    try {
      Repository repository = builder.build();
      if (!repository.getObjectDatabase().exists()) {
        repository.close();
        throw new GitSourceException("No git repository at " + path + " (no .git directory and not a bare repository)");
      }
      return repository;
    } catch (IOException e) {
      throw new GitSourceException("No git repository at " + path + ": " + e.getMessage(), e);
    }
  }

  /** Fetches {@code url} into its cache directory under {@code cacheRoot} and opens the cache. */
  public static Repository fetch(String url, Path cacheRoot, ExternalSsh ssh) {
    Path cache = cacheRoot.resolve(hash(url) + ".git");
    try {
      if (!Files.exists(cache)) {
        Files.createDirectories(cacheRoot);
        Git.init().setBare(true).setDirectory(cache.toFile()).call().close();
      }
      Repository repository = open(cache);
      StringBuffer sshErrors = new StringBuffer();
      try (Git git = new Git(repository)) {
        git.fetch()
            .setRemote(url)
            .setRefSpecs(MIRROR_REFS)
            .setRemoveDeletedRefs(true)
            .setTimeout(FETCH_TIMEOUT_SECONDS)
            .setTransportConfigCallback(transport -> {
              if (transport instanceof SshTransport sshTransport) {
                sshTransport.setSshSessionFactory(ssh.sessionFactory(sshErrors));
              }
            })
            .call();
      } catch (GitAPIException | RuntimeException e) {
        repository.close();
        String sshSaid = sshErrors.toString().strip();
        throw new GitSourceException("Cannot fetch " + url + ": " + rootMessage(e)
            + (sshSaid.isEmpty() ? "" : "\n  ssh said: " + sshSaid.replace("\n", "\n  "))
            + "\n  Check the URL, that the server is reachable, the key and the known_hosts entry.", e);
      }
      return repository;
    } catch (IOException | GitAPIException e) {
      throw new GitSourceException("Cannot create the git cache " + cache + " for " + url + ": " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append(": ").append(cause.getMessage());
      }
    }
    return message.toString().strip();
  }

  private static String hash(String url) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
