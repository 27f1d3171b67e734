package dev.slipway.git.internal;

import static dev.slipway.Command.cmd;
import static dev.slipway.internal.Quoting.quote;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.git.GitSourceException;
import dev.slipway.git.GitStrategy;
import dev.slipway.git.InstallReport;
import dev.slipway.release.InstallTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Installs a commit from a bare mirror kept on the host (Capistrano's repo cache): cloned with
 * {@code git clone --mirror} the first time, brought up to date with {@code git remote update}
 * afterwards (only new objects travel), exported with {@code git archive}, which honours
 * {@code export-ignore} itself.
 *
 * <p>For a private repository the identity key is uploaded to Slipway's state directory with mode
 * {@code 0600}, used through {@code GIT_SSH_COMMAND} with strict host-key checking, and removed
 * afterwards, also when the fetch fails. It never enters a release, a command line or a log.
 *
 * @param url the repository URL as the host reaches it
 * @param identity the private key for the fetch, if the repository needs one
 * @param knownHosts a known_hosts file to check the repository server against, else the host's own
 * @param commit the commit id to install
 * @param manifest the files of the commit, written into the release for later incremental uploads
 */
public record MirrorInstaller(String url, Optional<Path> identity, Optional<Path> knownHosts, String commit,
                              Manifest manifest) {

  /** Fills {@code target.directory()} on {@code host} from the mirror under the state directory. */
  public InstallReport install(Host host, InstallTarget target) {
    String mirror = target.stateDirectory() + "/git-mirror";
    String tmp = target.stateDirectory() + "/tmp";
    host.mkdirs(tmp);
    List<String> uploaded = new ArrayList<>();
    try {
      Optional<String> key = identity.map(file -> uploadPrivately(host, file, tmp + "/key-" + UUID.randomUUID(), uploaded));
      Optional<String> hosts = knownHosts.map(file -> uploadPrivately(host, file, tmp + "/known_hosts-" + UUID.randomUUID(), uploaded));
      host.env("GIT_SSH_COMMAND", sshCommand(key, hosts)).run(Command.format(
          "if [ -d %s ]; then git -C %s remote set-url origin %s && git -C %s remote update --prune;"
              + " else git clone --quiet --mirror %s %s; fi",
          mirror, mirror, url, mirror, url, mirror));
    } finally {
      uploaded.forEach(host::delete);
    }
    requireCommit(host, mirror);
    export(host, mirror, tmp + "/" + commit + "-" + UUID.randomUUID() + ".tar", target.directory());
    host.write(target.directory() + "/" + Manifest.FILE_NAME, manifest.render());
    return new InstallReport(host.name(), target.directory(), GitStrategy.MIRROR, false, 0, 0, 0);
  }

  private void requireCommit(Host host, String mirror) {
    if (!host.test(cmd("git", "-C", mirror, "cat-file", "-e", commit + "^{commit}"))) {
      throw new GitSourceException("The mirror " + mirror + " on " + host.name() + " has no commit " + commit
          + " after fetching " + url + ": push it to that repository, or deploy with GitStrategy.ARCHIVE");
    }
  }

  private void export(Host host, String mirror, String tar, String directory) {
    try {
      // 022 as JGit's archive has it, so that both strategies give the same modes under any umask.
      host.run(cmd("git", "-c", "tar.umask=0022", "-C", mirror, "archive", "--format=tar", "-o", tar, commit));
      host.run(cmd("tar", "-xf", tar, "-C", directory));
    } finally {
      host.delete(tar);
    }
  }

  private static String uploadPrivately(Host host, Path file, String path, List<String> uploaded) {
    uploaded.add(path);
    try (InputStream content = Files.newInputStream(file)) {
      host.upload(content, path, 0600);
      return path;
    } catch (IOException e) {
      throw new GitSourceException("Cannot read " + file + " to upload it to " + host.name() + ": " + e.getMessage(), e);
    }
  }

  private static String sshCommand(Optional<String> key, Optional<String> hosts) {
    StringBuilder ssh = new StringBuilder("ssh -o BatchMode=yes -o StrictHostKeyChecking=yes");
    key.ifPresent(path -> ssh.append(" -i ").append(quote(path)).append(" -o IdentitiesOnly=yes"));
    hosts.ifPresent(path -> ssh.append(" -o UserKnownHostsFile=").append(quote(path)));
    return ssh.toString();
  }
}
