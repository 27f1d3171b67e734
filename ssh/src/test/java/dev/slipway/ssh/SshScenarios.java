package dev.slipway.ssh;

import static dev.slipway.Command.cmd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.spi.Transport;
import dev.slipway.CommandTimeoutException;
import dev.slipway.ConnectionFailedException;
import dev.slipway.FileInfo;
import dev.slipway.Host;
import dev.slipway.event.ConnectionEvent;
import dev.slipway.event.OutputEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SSH transport promises beyond the transport contract: one connection per host, bounded
 * channels, reconnecting between commands only, long scripts, time limits. Run against MINA SSHD
 * and OpenSSH by the subclasses.
 */
abstract class SshScenarios {
  @TempDir
  Path dir;

  /** A builder for a host on the server under test, keys and known_hosts set. */
  protected abstract SshHost.Builder host(String name);

  /** How many connections the server has accepted so far. */
  protected abstract int connectionsAccepted();

  /** Drops every connection at the server. */
  protected abstract void dropConnections();

  /** Makes {@code directory} usable by the login user. */
  protected void prepare(Path directory) {
  }

  @BeforeEach
  void prepareDirectory() {
    prepare(dir);
  }

  @Test
  void a_deploy_sized_run_opens_exactly_one_connection() throws Exception {
    int before = connectionsAccepted();
    try (Host host = host("web").build()) {
      for (int i = 0; i < 200; i++) {
        assertThat(host.run(cmd("echo", "step " + i)).stdout()).isEqualTo("step " + i + "\n");
      }
      for (int i = 0; i < 10; i++) {
        String path = dir.resolve("file-" + i).toString();
        host.write(path, ("content " + i).getBytes(StandardCharsets.UTF_8), 0644);
        assertThat(host.unwrap(Transport.class).orElseThrow().read(path)).asString().isEqualTo("content " + i);
        assertThat(host.unwrap(Transport.class).orElseThrow().stat(path)).map(FileInfo::size).contains((long) ("content " + i).length());
        host.rename(path, path + ".moved");
        assertThat(host.unwrap(Transport.class).orElseThrow().list(dir.toString())).extracting(FileInfo::name).contains("file-" + i + ".moved");
      }
      assertThat(host.unwrap(SshTransport.class).orElseThrow().connectionsOpened()).isEqualTo(1);
    }
    assertThat(connectionsAccepted() - before).isEqualTo(1);
  }

  @Test
  void twenty_concurrent_commands_share_one_connection() throws Exception {
    int before = connectionsAccepted();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try (Host host = host("web").build()) {
      List<Future<String>> outputs = IntStream.range(0, 20)
          .mapToObj(i -> pool.submit(() -> host.run("sleep 0.3; echo " + i).stdout()))
          .toList();
      for (int i = 0; i < 20; i++) {
        assertThat(outputs.get(i).get()).isEqualTo(i + "\n");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(connectionsAccepted() - before).isEqualTo(1);
  }

  @Test
  void an_ssh_host_and_its_views_share_one_connection_that_closing_the_host_closes() {
    List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    SshHost host = host("web").onConnectionEvent(e -> events.add((ConnectionEvent) e)).build();

    host.run("true");
    assertThat(host.cd(dir.toString()).env("A", "1").capture("echo $A")).isEqualTo("1");
    host.close();

    assertThat(events).extracting(ConnectionEvent::kind)
        .containsExactly(ConnectionEvent.Kind.CONNECTED, ConnectionEvent.Kind.CLOSED);
  }

  @Test
  void a_connection_dropped_between_commands_is_reopened_once_and_reported() {
    List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    try (Host host = host("web").onConnectionEvent(e -> events.add((ConnectionEvent) e)).build()) {
      host.run("true");
      dropConnections();

      assertThat(host.run("echo again").stdout()).isEqualTo("again\n");
      host.write(dir.resolve("after-drop").toString(), new byte[] {1}, 0600);

      assertThat(events).extracting(ConnectionEvent::kind)
          .containsExactly(ConnectionEvent.Kind.CONNECTED, ConnectionEvent.Kind.RECONNECTED);
      assertThat(events.get(1).host()).isEqualTo("web");
      assertThat(host.unwrap(SshTransport.class).orElseThrow().connectionsOpened()).isEqualTo(2);
    }
  }

  @Test
  void a_connection_lost_during_a_command_fails_it_naming_the_host_and_does_not_rerun_it() throws Exception {
    Path runs = dir.resolve("runs");
    CountDownLatch started = new CountDownLatch(1);
    try (Host host = host("web-7").build()) {
      Host watched = host.withListener(event -> {
        if (event instanceof OutputEvent output && output.line().equals("started")) {
          started.countDown();
        }
      });
      CompletableFuture<Void> dropper = CompletableFuture.runAsync(() -> {
        await(started);
        dropConnections();
      });

      assertThatThrownBy(() -> watched.run(Command.format("echo x >> %s; echo started; sleep 20", runs.toString())))
          .isInstanceOf(ConnectionFailedException.class)
          .hasMessageContaining("web-7")
          .hasMessageContaining("not run again");
      dropper.get();
      assertThat(Files.readAllLines(runs)).hasSize(1);
    }
  }

  @Test
  void a_connection_cut_during_an_upload_is_reported_as_a_lost_connection_every_time() {
    try (Host host = host("web-4").build()) {
      for (int attempt = 0; attempt < 8; attempt++) {
        String target = dir.resolve("upload-" + attempt).toString();
        CuttingStream cutting = new CuttingStream(64 * 1024 << attempt % 4);

        assertThatThrownBy(() -> host.upload(cutting, target, 0644))
            .isInstanceOf(ConnectionFailedException.class)
            .hasMessageStartingWith("Lost the connection to web-4 during a file operation on ");
      }
      assertThat(host.run("echo still usable").stdout()).isEqualTo("still usable\n");
    }
  }

  @Test
  void an_upload_right_after_the_connection_was_cut_reconnects_or_reports_a_lost_connection() {
    try (Host host = host("web-5").build()) {
      for (int attempt = 0; attempt < 8; attempt++) {
        host.write(dir.resolve("before-" + attempt).toString(), "x");
        dropConnections();
        String target = dir.resolve("after-" + attempt).toString();
        try {
          host.write(target, "y".repeat(200_000));
          assertThat(host.readString(target)).hasSize(200_000);
        } catch (ConnectionFailedException e) {
          assertThat(e).hasMessageStartingWith("Lost the connection to web-5 during a file operation on ");
        }
      }
    }
  }

  /** Bytes for an upload that drops every connection of the server after {@code cutAfter} of them. */
  private final class CuttingStream extends java.io.InputStream {
    private final long cutAfter;
    private long sent;

    CuttingStream(long cutAfter) {
      this.cutAfter = cutAfter;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (sent >= 64L * 1024 * 1024) {
        return -1;
      }
      if (sent < cutAfter && sent + length >= cutAfter) {
        dropConnections();
      }
      java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
      sent += length;
      return length;
    }
  }

  @Test
  void a_script_longer_than_an_exec_command_line_runs_through_stdin() {
    StringBuilder script = new StringBuilder("n=0\n");
    for (int i = 0; i < 4000; i++) {
      script.append("n=$((n + 1)) # a comment to make the script long enough ").append(i).append('\n');
    }
    script.append("echo $n; cat; echo done");
    assertThat(script.length()).isGreaterThan(200 * 1024);
    try (Host host = host("web").build()) {
      assertThat(host.run(script.toString()).stdout()).isEqualTo("4000\ndone\n");
    }
  }

  @Test
  void a_command_over_its_time_limit_is_stopped_and_reported() {
    try (Host host = host("web").build()) {
      assertThatThrownBy(() -> host.run(Command.shell("sleep 30").withTimeout(Duration.ofMillis(500))))
          .isInstanceOf(CommandTimeoutException.class)
          .hasMessageContaining("web");
      assertThat(host.run("echo still usable").stdout()).isEqualTo("still usable\n");
    }
  }

  @Test
  void write_replaces_a_file_with_the_given_mode() throws Exception {
    Path file = dir.resolve("config.yml");
    Files.writeString(file, "old");
    try (Host host = host("web").build()) {
      host.write(file.toString(), "new".getBytes(StandardCharsets.UTF_8), 0600);
    }
    assertThat(file).hasContent("new");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("config.yml");
    }
  }

  @Test
  void symlink_replaces_a_link_to_a_directory_and_keeps_a_relative_target() throws Exception {
    Files.createDirectories(dir.resolve("releases/1"));
    Files.createDirectories(dir.resolve("releases/2"));
    String current = dir.resolve("current").toString();
    try (Host host = host("web").build()) {
      host.symlink("releases/1", current);
      host.symlink("releases/2", current);

      assertThat(host.unwrap(Transport.class).orElseThrow().readLink(current)).contains("releases/2");
      assertThat(host.unwrap(Transport.class).orElseThrow().stat(current)).map(FileInfo::type).contains(FileInfo.Type.SYMLINK);
    }
    assertThat(dir.resolve("releases/1")).isEmptyDirectory();
  }

  @Test
  void rename_replaces_an_existing_file() throws Exception {
    Files.writeString(dir.resolve("a"), "a");
    Files.writeString(dir.resolve("b"), "b");
    try (Host host = host("web").build()) {
      host.rename(dir.resolve("a").toString(), dir.resolve("b").toString());
    }
    assertThat(dir.resolve("b")).hasContent("a");
    assertThat(dir.resolve("a")).doesNotExist();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
