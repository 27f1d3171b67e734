package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.release.source.DirectorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data backups on this machine: each release migrates a real SQLite database (python3's sqlite3),
 * the deploy saves it before the switch, and a rollback restores it only when asked.
 */
class DataBackupTest {
  private static final String MIGRATE = """
      import sqlite3, sys
      db = sqlite3.connect(sys.argv[1])
      db.execute("create table if not exists notes (body text)")
      if sys.argv[2] == "v1":
          if db.execute("select count(*) from notes").fetchone()[0] == 0:
              db.execute("insert into notes values ('first note')")
      elif db.execute("select count(*) from notes where body != upper(body)").fetchone()[0] > 0:
          db.execute("update notes set body = upper(body)")
          db.execute("create table if not exists tags (name text)")
      db.commit()
      """;

  private final Host host = LocalHost.named("local");
  @TempDir
  Path work;
  private Path deployTo;
  private Path database;
  private Path log;

  @BeforeEach
  void requirePython() {
    assumeTrue(host.test("python3 -c %s", "import sqlite3"), "needs python3 with its sqlite3 module");
    deployTo = work.resolve("notes");
    database = deployTo.resolve("shared/data/notes.db");
    log = work.resolve("log");
  }

  @Test
  void a_rollback_that_restores_data_brings_the_old_database_back_byte_for_byte() throws IOException {
    Releases notes = notes();
    notes.source(app("v1")).deploy(host);
    byte[] beforeV2 = Files.readAllBytes(database);
    notes.source(app("v2")).deploy(host);
    byte[] afterV2 = Files.readAllBytes(database);

    notes.rollback(List.of(host), RestoreData.YES);

    assertThat(afterV2).isNotEqualTo(beforeV2);
    assertThat(Files.readAllBytes(database)).isEqualTo(beforeV2);
    assertThat(notes.releases(host)).extracting(Release::version).containsExactly("v2", "v1");
    assertThat(notes.releases(host).get(0).metadata()).containsKey("backup");
  }

  @Test
  void a_plain_rollback_leaves_the_data_as_the_new_release_made_it() throws IOException {
    Releases notes = notes();
    notes.source(app("v1")).deploy(host);
    notes.source(app("v2")).deploy(host);
    byte[] afterV2 = Files.readAllBytes(database);

    notes.rollback(host);

    assertThat(Files.readAllBytes(database)).isEqualTo(afterV2);
  }

  @Test
  void rolling_back_to_an_older_version_restores_the_data_as_it_was_when_that_version_was_live() throws IOException {
    Releases notes = notes();
    notes.source(app("v1")).deploy(host);
    byte[] whileV1 = Files.readAllBytes(database);
    notes.source(app("v2")).deploy(host);
    notes.source(app("v3")).deploy(host);

    notes.rollbackTo(List.of(host), "v1", RestoreData.YES);

    assertThat(Files.readAllBytes(database)).isEqualTo(whileV1);
  }

  @Test
  void a_failing_backup_stops_the_deploy_before_the_switch() throws IOException {
    Releases notes = notes();
    notes.source(app("v1")).deploy(host);
    String live = Files.readSymbolicLink(deployTo.resolve("current")).toString();
    byte[] whileV1 = Files.readAllBytes(database);

    assertThatThrownBy(() -> notes.addBackup(DataBackup.commands("broken", "echo no space left >&2; exit 3; {file}",
        "true {file}")).source(app("v2")).deploy(host))
        .isInstanceOf(DeployFailedException.class).hasMessageContaining("data backup failed");

    assertThat(Files.readSymbolicLink(deployTo.resolve("current")).toString()).isEqualTo(live);
    assertThat(Files.readAllBytes(database)).isEqualTo(whileV1);
    assertThat(Files.readAllLines(log)).containsExactly("migrate v1");
    try (var backups = Files.list(deployTo.resolve("shared/backups"))) {
      assertThat(backups.map(path -> path.getFileName().toString()))
          .as("the failed deploy's backup is gone, the live release's is kept")
          .containsExactly(live.substring(live.lastIndexOf('/') + 1));
    }
  }

  @Test
  void backups_are_removed_with_their_release() throws IOException {
    Releases notes = notes().keep(1);
    for (String version : List.of("v1", "v2", "v3", "v4")) {
      notes.source(app(version)).deploy(host);
    }

    List<String> kept = notes.releases(host).stream().map(r -> r.id().value()).toList();
    try (var backups = Files.list(deployTo.resolve("shared/backups"))) {
      assertThat(backups.map(path -> path.getFileName().toString())).hasSize(2).allMatch(kept::contains);
    }
  }

  @Test
  void the_stop_first_order_stops_then_backs_up_then_switches_and_the_default_never_stops() throws IOException {
    Hook stop = (h, release) -> h.run("echo stop %s >> %s", release.version(), log);
    notes().updateOrder(UpdateOrder.stopFirst(stop)).source(app("v1")).deploy(host);
    notes().updateOrder(UpdateOrder.stopFirst(stop)).source(app("v2")).deploy(host);
    notes().source(app("v3")).deploy(host);

    assertThat(Files.readAllLines(log)).containsExactly("migrate v1", "stop v1", "migrate v2", "migrate v3");
  }

  @Test
  void a_backup_failing_after_the_stop_starts_the_old_release_again() throws IOException {
    Hook stop = (h, release) -> h.run("echo stop %s >> %s", release.version(), log);
    Releases stopFirst = notes().updateOrder(UpdateOrder.stopFirst(stop));
    stopFirst.source(app("v1")).deploy(host);

    assertThatThrownBy(() -> stopFirst.addBackup(DataBackup.commands("broken", "exit 3; {file}", "true {file}"))
        .source(app("v2")).deploy(host)).isInstanceOf(DeployFailedException.class);

    assertThat(Files.readAllLines(log)).containsExactly("migrate v1", "stop v1", "migrate v1");
  }

  private Releases notes() {
    return Releases.at(deployTo.toString()).sharedDirs("data")
        .addBackup(DataBackup.file(database.toString()))
        .after(Step.SYMLINK, (h, release) -> h.cd(release.directory())
            .run("python3 migrate.py %s %s && echo migrate %s >> %s", database, release.version(), release.version(),
                log));
  }

  private Source app(String version) throws IOException {
    Path source = Files.createDirectories(work.resolve("src-" + version));
    Files.writeString(source.resolve("migrate.py"), MIGRATE);
    return DirectorySource.of(source).version(version);
  }
}
