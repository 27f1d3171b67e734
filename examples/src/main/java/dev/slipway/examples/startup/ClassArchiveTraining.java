package dev.slipway.examples.startup;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.examples.workshop.FlaskWorkshop;
import dev.slipway.git.GitSource;
import dev.slipway.local.LocalHost;
import dev.slipway.release.Hook;
import dev.slipway.release.Release;
import dev.slipway.release.Releases;
import dev.slipway.release.Step;
import dev.slipway.ssh.SshHost;
import dev.slipway.template.Template;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.KeyAgreement;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The training run that the build records the launcher's class-data archive from
 * ({@code -XX:ArchiveClassesAtExit}): it does what a workshop step does — the command line, a git
 * ref resolved with JGit, a template, local commands, a deploy, an incremental deploy and a
 * rollback through {@link Releases} into a scratch directory, an SSH host built — and loads what
 * an SSH connection loads (JSch, Slipway's SSH transport, the signatures and key agreements of a
 * key exchange), so that every later start maps those classes instead of loading and verifying
 * them.
 *
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=app.jsa -cp app.jar dev.slipway.examples.startup.ClassArchiveTraining target/training
 * }</pre>
 */
public final class ClassArchiveTraining {
  private static final PersonIdent AUTHOR = new PersonIdent("Training", "training@example.invalid");
  // What a connection loads without a server to train against: every class under these folders.
  private static final List<String> CONNECTION_CLASSES = List.of("com/jcraft/jsch/", "dev/slipway/ssh/");

  private ClassArchiveTraining() {}

  /** Runs the training in the scratch directory {@code args[0]}, which it deletes afterwards. */
  public static void main(String[] args) throws IOException, GitAPIException, GeneralSecurityException {
    Path scratch = Path.of(args[0]).toAbsolutePath();
    deleteTree(scratch);
    try {
      FlaskWorkshop.main(new String[] {"--help"});
      Path repository = scratch.resolve("app");
      tagCommits(repository, "v1", "v2");
      System.out.println(GitSource.of(repository).ref("v1").resolve().describe());
      System.out.println(Template.fromString("unit", "ExecStart={{ command }}").render(Map.of("command", "true")));
      deployTwiceAndRollBack(repository, scratch.resolve("deploy-to"));
      SshHost.builder("training").address("127.0.0.1").build().close();
      loadConnectionClasses();
      connectOnLoopback();
      exchangeKeys();
    } finally {
      deleteTree(scratch);
    }
  }

  private static void deployTwiceAndRollBack(Path repository, Path deployTo) {
    Releases releases = Releases.at(deployTo.toString()).keep(2).sharedDirs("log")
        .after(Step.SYMLINK, new LogLinked());
    try (Host local = LocalHost.create()) {
      local.run("true");
      for (String tag : List.of("v1", "v2")) {
        System.out.println(releases.source(GitSource.of(repository).ref(tag)).deploy(local));
      }
      System.out.println(releases.rollback(local));
    }
  }

  // A hook that is one command, as a service reload is: it travels in the deploy's batch.
  private static final class LogLinked implements Hook {
    @Override
    public void run(Host host, Release release) {
      host.cd(release.directory()).run("test -d log");
    }

    @Override
    public Optional<Command> asCommand(Host host, Release release) {
      return Optional.of(Command.format("test -d %s/log", release.directory()));
    }
  }

  private static void loadConnectionClasses() throws IOException {
    Path jar = Path.of(ClassArchiveTraining.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (name.endsWith(".class") && !name.contains("-") && CONNECTION_CLASSES.stream().anyMatch(name::startsWith)) {
          load(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
      }
    }
  }

  // Classes that need what the jar leaves out (BouncyCastle, JNA) are not loaded, as in a real run.
  private static void load(String className) {
    try {
      Class.forName(className, false, ClassArchiveTraining.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError missingDependency) {
      System.out.println("not archived: " + className);
    }
  }

  // The JDK's sockets, as a connection opens them: to a listener of this process on loopback.
  private static void connectOnLoopback() throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 5_000);
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.setSoTimeout(5_000);
    }
  }

  // The JDK's side of a key exchange and a public-key login: curve25519, ECDH, Ed25519, ECDSA, RSA.
  private static void exchangeKeys() throws GeneralSecurityException {
    for (String algorithm : List.of("X25519", "EC")) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.equals("EC") ? "EC" : "XDH");
      KeyPair ours = generator.generateKeyPair();
      KeyAgreement agreement = KeyAgreement.getInstance(algorithm.equals("EC") ? "ECDH" : "XDH");
      agreement.init(ours.getPrivate());
      agreement.doPhase(generator.generateKeyPair().getPublic(), true);
      agreement.generateSecret();
    }
    for (String algorithm : List.of("Ed25519", "EC", "RSA")) {
      KeyPair keys = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
      String scheme = Map.of("Ed25519", "Ed25519", "EC", "SHA256withECDSA", "RSA", "SHA512withRSA").get(algorithm);
      Signature signer = Signature.getInstance(scheme);
      signer.initSign(keys.getPrivate());
      signer.update("training".getBytes(StandardCharsets.UTF_8));
      byte[] signature = signer.sign();
      signer.initVerify(keys.getPublic());
      signer.update("training".getBytes(StandardCharsets.UTF_8));
      signer.verify(signature);
    }
  }

  private static void tagCommits(Path directory, String... tags) throws IOException, GitAPIException {
    Files.createDirectories(directory);
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      Files.writeString(directory.resolve("README"), "training\n");
      for (String tag : tags) {
        Files.writeString(directory.resolve("app.py"), "print('training " + tag + "')\n");
        git.add().addFilepattern(".").call();
        git.commit().setMessage("training " + tag).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
        git.tag().setName(tag).setAnnotated(false).call();
      }
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
