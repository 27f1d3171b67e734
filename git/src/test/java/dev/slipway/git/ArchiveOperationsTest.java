package dev.slipway.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Operation;
import dev.slipway.release.InstallTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive install as operations of the release manager's batch: what they send, without a host. */
class ArchiveOperationsTest {
  private static final String ZERO_COMMIT = "0".repeat(40);

  @TempDir Path temp;

  @Test
  void the_upload_holds_the_changed_files_every_directory_and_the_manifest() {
    WorkshopRepo repo = WorkshopRepo.withStaticFiles(temp.resolve("app"));
    ResolvedGitSource v4 = GitSource.of(repo.directory()).ref("v4").resolve();
    ResolvedGitSource v5 = GitSource.of(repo.directory()).ref("v5").resolve();

    List<Operation> incremental = v5.installOperations(target(v4.commit())).orElseThrow();

    assertThat(uploadedFiles(incremental)).containsExactly("app.py", ".slipway-manifest");
    assertThat(uploadedDirectories(incremental)).containsExactlyInAnyOrder("lib/", "lib/helpers/", "static/",
        "static/css/");
    assertThat(incremental).filteredOn(Operation.Exec.class::isInstance).extracting(Operation::describe)
        .anySatisfy(copy -> assertThat(copy).startsWith("tar -C /srv/releases/1 -cf /srv/releases/.2.staging/"));
  }

  @Test
  void an_unknown_previous_commit_or_one_missing_from_the_repository_sends_every_file() {
    WorkshopRepo repo = WorkshopRepo.withStaticFiles(temp.resolve("app"));
    ResolvedGitSource v5 = GitSource.of(repo.directory()).ref("v5").resolve();

    List<Operation> unknown = v5.installOperations(target(Optional.empty())).orElseThrow();
    List<Operation> missing = v5.installOperations(target(Optional.of(ZERO_COMMIT))).orElseThrow();
    List<Operation> notAnId = v5.installOperations(target(Optional.of("v4"))).orElseThrow();

    for (List<Operation> full : List.of(unknown, missing, notAnId)) {
      assertThat(uploadedFiles(full)).hasSize(v5.fileCount() + 1);
      assertThat(full).filteredOn(Operation.Exec.class::isInstance).singleElement()
          .satisfies(unpack -> assertThat(unpack.describe()).startsWith("tar -xzf "));
    }
    assertThat(v5.installs()).extracting(InstallReport::incremental).containsExactly(false, false, false);
  }

  @Test
  void the_mirror_strategy_installs_on_its_own() {
    GitSource source = GitSource.of(WorkshopRepo.create(temp.resolve("app")).directory()).strategy(GitStrategy.MIRROR);

    assertThat(source.ref("v1").resolve().installOperations(target(Optional.empty()))).isEmpty();
  }

  private static InstallTarget target(Optional<String> previousCommit) {
    return new InstallTarget("web-1", "/srv/releases/.2.staging", Optional.of("/srv/releases/1"), "/srv/.slipway",
        previousCommit);
  }

  private static List<String> uploadedFiles(List<Operation> operations) {
    return uploaded(operations).stream().filter(entry -> !entry.isDirectory()).map(TarArchiveEntry::getName).toList();
  }

  private static List<String> uploadedDirectories(List<Operation> operations) {
    return uploaded(operations).stream().filter(TarArchiveEntry::isDirectory).map(TarArchiveEntry::getName).toList();
  }

  private static List<TarArchiveEntry> uploaded(List<Operation> operations) {
    byte[] archive = operations.stream().filter(Operation.Upload.class::isInstance).map(Operation.Upload.class::cast)
        .filter(upload -> upload.path().endsWith(".tgz")).findFirst().orElseThrow().content();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
        new ByteArrayInputStream(archive)))) {
      List<TarArchiveEntry> entries = new ArrayList<>();
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.add(entry);
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
