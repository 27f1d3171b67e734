package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.CommandFailedException;
import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror strategy against a bare repository served over SSH and fetched with a key; run against
 * the embedded MINA server and a real OpenSSH sshd.
 */
abstract class MirrorStrategyContract {
  @TempDir Path temp;

  private SshEndpoint server;
  private Path bare;
  private final Host host = LocalHost.create();

  /**
   * A running SSH server that serves this machine's files.
   *
   * @param port its loopback port
   * @param user the user to log in as
   * @param clientKey the private key it accepts (mode 600: OpenSSH's client ignores readable keys)
   * @param knownHosts a known_hosts file holding its host key
   * @param stop stops it; may run twice
   */
  record SshEndpoint(int port, String user, Path clientKey, Path knownHosts, Runnable stop) {}

  /** Starts the server under test with its files in {@code directory}. */
  abstract SshEndpoint start(Path directory) throws Exception;

  @BeforeEach
  void serveABareRepository() throws Exception {
    server = start(temp.resolve("sshd"));
    WorkshopRepo work = WorkshopRepo.create(temp.resolve("work"));
    bare = temp.resolve("repos/app.git");
    Git.cloneRepository().setBare(true).setURI(work.directory().toUri().toString()).setDirectory(bare.toFile())
        .call().close();
  }

  @AfterEach
  void stop() {
    host.close();
    server.stop().run();
  }

  @Test
  void tags_are_deployed_from_a_mirror_on_the_host_and_the_key_never_stays() throws IOException {
    Path deployTo = temp.resolve("srv");
    TestReleases releases = new TestReleases(deployTo.toString());
    GitSource source = mirrorSource();

    String v1 = releases.deploy(host, source.ref("v1"));
    assertThat(currentApp(deployTo)).contains("\"version\": \"v1\"");
    Path mirror = deployTo.resolve(".slipway/git-mirror");
    Files.writeString(mirror.resolve("slipway-test-marker"), "the mirror is reused, not cloned again");
    releases.deploy(host, source.ref("v2"));
    assertThat(currentApp(deployTo)).contains("\"version\": \"v2\"");
    releases.deploy(host, source.ref("v3"));
    assertThat(currentApp(deployTo)).contains("\"version\": \"v3\"");
    releases.rollbackTo(host, v1);

    assertThat(currentApp(deployTo)).contains("\"version\": \"v1\"");
    assertThat(mirror.resolve("slipway-test-marker")).exists();
    try (Git mirrored = Git.open(mirror.toFile())) {
      assertThat(mirrored.getRepository().findRef("v3")).isNotNull();
    }
    assertThat(deployTo.resolve(".slipway/tmp")).isEmptyDirectory();
    assertThat(filesContaining(deployTo, Files.readString(server.clientKey()).strip())).isEmpty();
  }

  @Test
  void a_mirror_release_is_the_same_tree_as_an_archive_release() {
    ResolvedGitSource v2 = mirrorSource().ref("v2").resolve();
    String mirrored = new TestReleases(temp.resolve("mirror").toString()).deploy(host, () -> v2);
    String archived = new TestReleases(temp.resolve("archive").toString())
        .deploy(host, GitSource.of(bare).ref("v2"));

    Map<String, String> mirrorTree = Trees.describe(Path.of(mirrored));
    assertThat(mirrorTree).isEqualTo(Trees.describe(Path.of(archived)));
    assertThat(v2.installs()).singleElement().satisfies(report -> assertThat(report.strategy()).isEqualTo(GitStrategy.MIRROR));
  }

  @Test
  void a_failed_fetch_on_the_host_still_removes_the_key() {
    ResolvedGitSource v1 = mirrorSource().ref("v1").resolve();
    server.stop().run();
    Path deployTo = temp.resolve("srv");

    assertThatThrownBy(() -> new TestReleases(deployTo.toString()).deploy(host, () -> v1))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("git clone");
    assertThat(deployTo.resolve(".slipway/tmp")).isEmptyDirectory();
  }

  @Test
  void the_host_checks_the_repository_servers_key_against_the_known_hosts_given() throws IOException {
    Path knownHosts = Files.copy(server.knownHosts(), temp.resolve("known_hosts"));
    ResolvedGitSource v1 = mirrorSource().knownHosts(knownHosts).ref("v1").resolve();
    Files.writeString(knownHosts, "");
    Path deployTo = temp.resolve("srv");

    assertThatThrownBy(() -> new TestReleases(deployTo.toString()).deploy(host, () -> v1))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("Host key verification failed");
    assertThat(deployTo.resolve(".slipway/tmp")).isEmptyDirectory();
    assertThat(deployTo.resolve(".slipway/git-mirror")).doesNotExist();
    assertThat(deployTo.resolve("current")).doesNotExist();
  }

  @Test
  void an_unknown_host_key_is_refused_on_the_controller() throws IOException {
    Path emptyKnownHosts = Files.writeString(temp.resolve("empty_known_hosts"), "");

    assertThatThrownBy(() -> mirrorSource().knownHosts(emptyKnownHosts).ref("v1").resolve())
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("Cannot fetch " + sshUrl(bare))
        .hasMessageContaining("Host key verification failed");
  }

  private GitSource mirrorSource() {
    return GitSource.of(sshUrl(bare))
        .identity(server.clientKey())
        .knownHosts(server.knownHosts())
        .cacheDirectory(temp.resolve("cache"))
        .strategy(GitStrategy.MIRROR);
  }

  private String sshUrl(Path repository) {
    return "ssh://" + server.user() + "@127.0.0.1:" + server.port() + repository.toAbsolutePath();
  }

  private static String currentApp(Path deployTo) throws IOException {
    return Files.readString(deployTo.resolve("current/app.py"));
  }

  private static java.util.List<Path> filesContaining(Path root, String text) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(file -> {
        try {
          return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
