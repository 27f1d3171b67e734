package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.FileOperationException;
import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * File operations on a {@code sudo()} view act as root, and {@code env(name, Secret)} values stay
 * out of the process list and the events: over OpenSSH, logging in as an account whose sudo asks
 * for its password.
 */
@RequiresOpenSsh
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenSshSudoFilesTest {
  static OpenSshFixture sshd;

  @TempDir
  Path scratch;

  @BeforeAll
  static void setUp() {
    sshd = OpenSshFixture.start("sudofiles");
    sshd.account.allowSudo("ALL=(root) ALL");
  }

  @AfterAll
  static void tearDown() {
    if (sshd != null) {
      sshd.close();
    }
  }

  private static Host host() {
    return sshd.host("files-1").sudoPassword(Secret.of(sshd.account.password())).build();
  }

  private Path rootOwned() throws IOException {
    Path dir = Files.createDirectory(scratch.resolve("root-only"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  @Test
  void every_file_operation_of_a_sudo_view_acts_as_root() throws IOException {
    Path dir = rootOwned();
    try (Host host = host()) {
      Host root = host.sudo();
      root.mkdirs(dir + "/app/releases");
      root.write(dir + "/app/config", "secret=1\n".getBytes(StandardCharsets.UTF_8), 0640);
      root.symlink("releases", dir + "/app/current");
      root.rename(dir + "/app/config", dir + "/app/config.live");
      root.delete(dir + "/app/releases");

      assertThat(root.readString(dir + "/app/config.live")).isEqualTo("secret=1\n");
      assertThatThrownBy(() -> host.read(dir + "/app/config.live")).isInstanceOf(FileOperationException.class);
    }
    Path live = dir.resolve("app/config.live");
    assertThat(Files.getOwner(live).getName()).isEqualTo("root");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(live))).isEqualTo("rw-r-----");
    assertThat(Files.readSymbolicLink(dir.resolve("app/current"))).isEqualTo(Path.of("releases"));
    assertThat(dir.resolve("app/releases")).doesNotExist();
  }

  @Test
  void the_temporary_file_of_an_upload_is_never_readable_by_others() throws Exception {
    Path dir = rootOwned();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    byte[] content = new byte[16 * 1024 * 1024];
    new Random(7).nextBytes(content);
    List<Set<PosixFilePermission>> seen = new CopyOnWriteArrayList<>();

    try (Host host = host()) {
      CompletableFuture<Void> upload = CompletableFuture.runAsync(() ->
          host.sudo().upload(new ByteArrayInputStream(content), dir + "/app.tar.gz", 0640));
      while (!upload.isDone()) {
        try (Stream<Path> entries = Files.list(dir)) {
          entries.filter(p -> p.getFileName().toString().contains(".slipway-")).forEach(p -> modeOf(p, seen));
        }
      }
      upload.get();
    }
    // Private (0600) while the content arrives; the final mode (0640 here) only once it is complete.
    assertThat(seen).contains(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
        .allSatisfy(mode -> assertThat(mode).doesNotContain(PosixFilePermission.OTHERS_READ));
    assertThat(Files.readAllBytes(dir.resolve("app.tar.gz"))).isEqualTo(content);
    assertThat(Files.getOwner(dir.resolve("app.tar.gz")).getName()).isEqualTo("root");
  }

  private static void modeOf(Path file, List<Set<PosixFilePermission>> seen) {
    try {
      seen.add(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      // renamed into place between the listing and the look: nothing to check any more
    }
  }

  @Test
  void a_secret_variable_reaches_the_command_but_not_ps_or_the_events() throws Exception {
    String token = "tok-" + System.nanoTime();
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(token.getBytes(StandardCharsets.UTF_8)));
    List<Event> events = new CopyOnWriteArrayList<>();
    try (Host host = host()) {
      Host plain = host.withListener(events::add).env("API_TOKEN", Secret.of(token));
      Host root = plain.sudo();
      Command check = Command.shell("sleep 2.41; printf %s \"$API_TOKEN\" | sha256sum; echo \"$API_TOKEN\"");
      CompletableFuture<CommandResult> asLogin = CompletableFuture.supplyAsync(() -> plain.run(check));
      CompletableFuture<CommandResult> asRoot = CompletableFuture.supplyAsync(() -> root.run(check));

      List<String> processes = ProcessList.sampleWhile(() -> !asLogin.isDone() || !asRoot.isDone());

      for (CommandResult result : List.of(asLogin.get(), asRoot.get())) {
        assertThat(result.stdout()).startsWith(digest).contains(Secret.MASK).doesNotContain(token);
      }
      assertThat(processes).anyMatch(line -> line.contains("sleep 2.41"));
      assertThat(processes).noneMatch(line -> line.contains(token) || line.contains(sshd.account.password()));
    }
    assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(event.toString()).doesNotContain(token));
  }
}
