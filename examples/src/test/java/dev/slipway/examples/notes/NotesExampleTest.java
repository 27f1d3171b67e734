package dev.slipway.examples.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.local.LocalHost;
import dev.slipway.provision.ProvisionReport;
import dev.slipway.release.RestoreData;
import dev.slipway.release.source.ArtifactStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes example end to end on this machine: provisioning twice, a deploy of the latest artifact,
 * an update whose migration changes the database, and a rollback that brings the old database back.
 */
class NotesExampleTest {
  private final Host host = LocalHost.named("local");
  @TempDir
  Path work;
  private ArtifactStore store;
  private NotesApp notes;
  private int port;

  @BeforeEach
  void app() throws IOException {
    assumeTrue(host.test("python3 -c %s", "import flask, sqlite3"), "needs python3 with flask and sqlite3");
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    store = ArtifactStore.local(work.resolve("artifacts"));
    notes = new NotesApp(work.resolve("srv/notes").toString(), port, store, Secret.of("s3cret-key"));
  }

  @AfterEach
  void stopApp() {
    if (notes != null) {
      notes.stop(host);
    }
  }

  @Test
  void provision_deploy_migrate_and_roll_back_with_the_old_database() throws IOException {
    ProvisionReport first = notes.provisioning().apply(host);
    ProvisionReport second = notes.provisioning().apply(host);
    NotesArtifacts.publish(host, store, "v1", work);
    notes.deploy(host);
    String servedByV1 = page();
    byte[] databaseOfV1 = Files.readAllBytes(Path.of(notes.database()));
    NotesArtifacts.publish(host, store, "v2", work);
    notes.deploy(host);
    String servedByV2 = page();

    notes.rollback(host, RestoreData.YES);

    assertThat(first.succeeded()).as(first.describe()).isTrue();
    assertThat(second.unchanged()).as(second.describe()).isTrue();
    assertThat(first.describe()).contains("secret_key = [REDACTED]").doesNotContain("s3cret-key");
    assertThat(servedByV1).isEqualTo("first note\n");
    assertThat(servedByV2).isEqualTo("[ ] first note\n[x] migrated to v2\n");
    assertThat(Files.readAllBytes(Path.of(notes.database()))).isEqualTo(databaseOfV1);
    assertThat(page()).isEqualTo("first note\n");
    assertThat(notes.releases().releases(host)).extracting(r -> r.version() + " " + r.state().name())
        .containsExactly("v2 ROLLED_BACK", "v1 LIVE");
  }

  private String page() {
    return host.capture("python3 -c %s %s", "import sys, urllib.request; "
        + "sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())", "http://127.0.0.1:" + port + "/")
        + "\n";
  }
}
