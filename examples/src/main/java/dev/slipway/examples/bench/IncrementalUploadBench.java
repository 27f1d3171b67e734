package dev.slipway.examples.bench;

import dev.slipway.Host;
import dev.slipway.git.GitSource;
import dev.slipway.git.InstallReport;
import dev.slipway.git.ResolvedGitSource;
import dev.slipway.local.LocalHost;
import dev.slipway.release.Releases;
import dev.slipway.ssh.SshHost;
import dev.slipway.ssh.testing.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Bytes sent by the git archive strategy for v2 after v1, where one file of a generated repository
 * changed: the incremental upload (a manifest compared, unchanged files copied on the host) against
 * a full upload of the same commit. Deploys under a temporary directory to the local host and, where
 * this machine can run one (root, {@code /usr/sbin/sshd}), over SSH to an OpenSSH sshd on loopback.
 *
 * <p>Run {@code main} with the examples module's runtime classpath; the one argument is the number
 * of generated files (1200 by default). Numbers are printed, not asserted.
 */
public final class IncrementalUploadBench {
  private static final int DEFAULT_FILES = 1200;

  private IncrementalUploadBench() {}

  public static void main(String[] args) throws IOException, GitAPIException {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_FILES;
    Path work = Files.createTempDirectory("slipway-bench-");
    try {
      Path repo = generateRepository(work.resolve("repo"), files);
      GitSource source = GitSource.of(repo);
      try (Host local = LocalHost.create()) {
        compare("local host", local, source, work.resolve("local"));
      }
      Optional<String> noSshd = OpenSshServer.availability();
      if (noSshd.isPresent()) {
        System.out.println("OpenSSH run skipped: " + noSshd.get());
        return;
      }
      try (OpenSshServer sshd = OpenSshServer.in(work.resolve("sshd")).start();
           Host ssh = SshHost.builder("openssh").address(sshd.address()).port(sshd.port()).user("root")
               .identity(sshd.clientKey()).knownHosts(sshd.knownHosts()).build()) {
        compare("OpenSSH on loopback", ssh, source, work.resolve("ssh"));
      }
    } finally {
      deleteTree(work);
    }
  }

  /** Deploys v1 then v2 (incremental) and v2 alone (full) under {@code deployRoot} on {@code host}. */
  private static void compare(String where, Host host, GitSource source, Path deployRoot) {
    ResolvedGitSource v1 = source.ref("v1").resolve();
    ResolvedGitSource v2 = source.ref("v2").resolve();
    Releases incremental = Releases.at(deployRoot.resolve("incremental").toString());
    incremental.source(() -> v1).deploy(host);
    long start = System.nanoTime();
    incremental.source(() -> v2).deploy(host);
    long incrementalMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    Releases.at(deployRoot.resolve("full").toString()).source(() -> v2).deploy(host);
    long fullMillis = (System.nanoTime() - start) / 1_000_000;

    InstallReport sentIncrementally = v2.installs().get(0);
    InstallReport sentFully = v2.installs().get(1);
    System.out.printf("%s: repository of %d files, v1 -> v2 changes 1 file%n", where, v2.fileCount());
    print("incremental v2 after v1", sentIncrementally, incrementalMillis);
    print("full upload of v2", sentFully, fullMillis);
    System.out.printf("incremental sends %.2f%% of the full upload's bytes%n%n",
        100.0 * sentIncrementally.bytesSent() / sentFully.bytesSent());
  }

  private static void print(String label, InstallReport report, long millis) {
    System.out.printf("%-26s bytes sent %,10d   files sent %5d   files copied on host %5d   deploy %5d ms%n",
        label, report.bytesSent(), report.filesSent(), report.filesCopied(), millis);
  }

  /** A repository of {@code files} text files of 1–6 KiB in nested directories; v2 changes one of them. */
  private static Path generateRepository(Path directory, int files) throws IOException, GitAPIException {
    Random random = new Random(42);
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      for (int i = 0; i < files; i++) {
        Path file = directory.resolve(String.format("pkg%02d/module%02d/file%04d.py", i % 20, i % 7, i));
        Files.createDirectories(file.getParent());
        Files.writeString(file, pythonLike(random, 1024 + random.nextInt(5 * 1024)));
      }
      Files.writeString(directory.resolve("app.py"), "VERSION = \"v1\"\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("v1").setSign(false).call();
      git.tag().setName("v1").call();
      Files.writeString(directory.resolve("app.py"), "VERSION = \"v2\"\n");
      git.add().addFilepattern("app.py").call();
      git.commit().setMessage("v2").setSign(false).call();
      git.tag().setName("v2").call();
    }
    return directory;
  }

  private static String pythonLike(Random random, int size) {
    StringBuilder text = new StringBuilder(size + 64);
    while (text.length() < size) {
      text.append("def f").append(random.nextInt(100_000)).append("(x):\n    return x * ")
          .append(random.nextInt(1_000)).append(" + ").append(Long.toHexString(random.nextLong())).append("\n\n");
    }
    return text.toString();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
