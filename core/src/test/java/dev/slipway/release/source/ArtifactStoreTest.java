package dev.slipway.release.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.release.Release;
import dev.slipway.release.ReleaseException;
import dev.slipway.release.Releases;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploys from an artifact store in yodeploy's layout, in a directory and over HTTP served by the test. */
class ArtifactStoreTest {
  private final Host host = LocalHost.named("local");
  @TempDir
  Path work;
  private Path storeDirectory;
  private ArtifactStore store;
  private Path deployTo;
  private HttpServer server;

  @BeforeEach
  void publishTwoVersions() throws IOException {
    storeDirectory = work.resolve("store");
    store = ArtifactStore.local(storeDirectory);
    deployTo = work.resolve("notes");
    store.publish("notes", "master", "notes.tar.gz", "41", build("41"), Map.of("commit", "aaa41"));
    store.publish("notes", "master", "notes.tar.gz", "42", build("42"), Map.of("commit", "bbb42"));
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void publishing_writes_the_artifact_its_meta_and_latest_in_yodeploys_layout() throws IOException {
    Path folder = storeDirectory.resolve("notes/master/notes.tar.gz");

    assertThat(Files.readString(folder.resolve("latest"))).isEqualTo("42\n");
    assertThat(Files.readString(folder.resolve("42.meta")))
        .contains("commit=bbb42\n", "sha256=" + Versions.sha256(folder.resolve("42")));
    try (var files = Files.list(folder)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("41", "41.meta", "42", "42.meta", "latest");
    }
  }

  @Test
  void no_version_deploys_latest_and_a_version_deploys_that_one_from_a_local_store() throws IOException {
    Releases notes = Releases.at(deployTo.toString());

    notes.source(store.artifact("notes", "master", "notes.tar.gz")).deploy(host);
    String latest = Files.readString(deployTo.resolve("current/VERSION"));
    notes.source(store.artifact("notes", "master", "notes.tar.gz").version("41")).deploy(host);

    assertThat(latest).isEqualTo("42\n");
    assertThat(Files.readString(deployTo.resolve("current/VERSION"))).isEqualTo("41\n");
    Release live = notes.releases(host).get(0);
    assertThat(live.version()).isEqualTo("41");
    assertThat(live.metadata()).containsEntry("artifact.commit", "aaa41").containsKey("artifact.sha256");
  }

  @Test
  void an_http_store_resolves_latest_and_deploys_it() throws IOException {
    ArtifactStore remote = ArtifactStore.http(serve(storeDirectory));

    Releases.at(deployTo.toString()).source(remote.artifact("notes", "master", "notes.tar.gz")).deploy(host);

    assertThat(Files.readString(deployTo.resolve("current/VERSION"))).isEqualTo("42\n");
  }

  @Test
  void a_wrong_checksum_is_refused_before_any_host_is_touched() throws IOException {
    Files.write(storeDirectory.resolve("notes/master/notes.tar.gz/42"), Files.readAllBytes(build("tampered")));
    ArtifactStore remote = ArtifactStore.http(serve(storeDirectory));

    assertThatThrownBy(() -> Releases.at(deployTo.toString())
        .source(remote.artifact("notes", "master", "notes.tar.gz")).deploy(host))
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("checksum mismatch for artifact http://127.0.0.1:")
        .hasMessageEndingWith("nothing was deployed");
    assertThat(deployTo).doesNotExist();
  }

  @Test
  void a_store_without_the_version_says_what_it_lacks() {
    assertThatThrownBy(() -> store.artifact("notes", "master", "notes.tar.gz").version("7").resolve())
        .isInstanceOf(ReleaseException.class).hasMessageContaining("notes/master/notes.tar.gz/7.meta");
  }

  private Path build(String version) throws IOException {
    Path source = Files.createDirectories(work.resolve("build-" + version));
    Files.writeString(source.resolve("VERSION"), version + "\n");
    Path archive = work.resolve("notes-" + version + ".tar.gz");
    host.run("tar -czf %s -C %s .", archive, source);
    return archive;
  }

  private URI serve(Path root) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/artifacts/", exchange -> {
      Path file = root.resolve(exchange.getRequestURI().getPath().substring("/artifacts/".length())).normalize();
      byte[] body = file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (body != null) {
          out.write(body);
        }
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/artifacts");
  }
}
