package dev.slipway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandTimeoutException;
import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.Batch;
import dev.slipway.Operation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

/** The fake's own promises: scripting, strictness, recording, built-ins. */
class FakeHostTest {
  private final FakeHost web = FakeHost.named("web1");

  @Test
  void answers_by_exact_text_and_predicate() {
    web.when(Pattern.compile("python3 -m venv .*").asMatchPredicate()).thenSucceed()
        .when("ls -1 /srv").thenOutput("a\nb\n")
        .when(line -> line.startsWith("bundle")).thenFail(1, "PG::ConnectionBad");

    assertThat(web.run("python3 -m venv %s", "/srv/venv").succeeded()).isTrue();
    assertThat(web.capture("ls -1 /srv")).isEqualTo("a\nb");
    assertThatThrownBy(() -> web.run("bundle exec rake db:migrate"))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("web1")
        .hasMessageContaining("PG::ConnectionBad");
  }

  @Test
  void the_latest_matching_answer_wins() {
    web.when(line -> line.startsWith("deploy ")).thenOutput("general").when("deploy now").thenOutput("specific");

    assertThat(web.capture("deploy now")).isEqualTo("specific");
    assertThat(web.capture("deploy later")).isEqualTo("general");
  }

  @Test
  void an_unscripted_command_fails_loudly_naming_what_is_scripted() {
    web.when("ls -1 /srv").thenOutput("");

    assertThatThrownBy(() -> web.run("rm -rf /srv/app"))
        .isInstanceOf(UnexpectedCommandException.class)
        .hasMessageStartingWith("web1 received an unscripted command: rm -rf /srv/app (scripted: [\"ls -1 /srv\"])");
  }

  @Test
  void a_lenient_fake_answers_anything_with_success() {
    FakeHost lax = FakeHost.named("x").lenient();

    assertThat(lax.run("anything at all").stdout()).isEmpty();
    assertThat(lax.commands()).containsExactly("anything at all");
  }

  @Test
  void a_line_without_arguments_is_matched_and_recorded_as_written() {
    web.when("date +%s").thenOutput("1761123600\n")
        .when("printf '%%d' 7").thenOutput("%d");

    assertThat(web.capture("date +%s")).isEqualTo("1761123600");
    assertThat(web.capture("printf '%%d' 7")).isEqualTo("%d");
    assertThat(web.commands()).containsExactly("date +%s", "printf '%%d' 7");
  }

  @Test
  void a_line_with_arguments_reads_a_doubled_percent_as_one() {
    web.when("printf '%s' hi").thenOutput("hi");

    assertThat(web.capture("printf '%%s' %s", "hi")).isEqualTo("hi");
    assertThat(web.commands()).containsExactly("printf '%s' hi");
  }

  @Test
  void records_the_command_as_written_with_its_context_and_masked_secrets() {
    web.lenient();
    Host app = web.cd("/srv/app").env("MODE", "prod").sudo();

    app.run(Command.cmd("login", Secret.of("hunter2")));

    assertThat(web.commands()).containsExactly("login [REDACTED]");
    RecordedCommand recorded = web.recorded().get(0);
    assertThat(recorded.context().directory()).contains("/srv/app");
    assertThat(recorded.context().user()).contains("root");
    assertThat(recorded.script()).contains("cd /srv/app").contains("export MODE=prod").contains("sudo")
        .doesNotContain("hunter2");
  }

  @Test
  void a_scripted_effect_changes_the_file_system_in_the_command_directory() {
    web.when(line -> line.startsWith("python3 -m venv"))
        .thenDo(call -> web.fs().mkdirs(call.context().directory().orElseThrow() + "/.venv/bin"));
    web.fs().mkdirs("/srv/app");

    web.cd("/srv/app").run("python3 -m venv .venv");

    assertThat(web.fs().isDirectory("/srv/app/.venv/bin")).isTrue();
  }

  @Test
  void a_scripted_timeout_throws_the_timeout_exception() {
    web.when("sleep 60").thenTimeout();

    assertThatThrownBy(() -> web.run(Command.shell("sleep 60").withTimeout(Duration.ofSeconds(1))))
        .isInstanceOf(CommandTimeoutException.class)
        .hasMessageContaining("timed out on web1 after 1000 ms");
  }

  @Test
  void extracts_an_uploaded_tarball_into_the_in_memory_file_system() throws IOException {
    web.upload(new ByteArrayInputStream(tarGz()), "/tmp/app.tgz", 0644);
    web.fs().mkdirs("/srv/app/releases/1");

    web.cd("/srv/app/releases/1").run("tar -xzf %s -C %s --strip-components=1", "/tmp/app.tgz", ".");

    assertThat(web.fs().readString("/srv/app/releases/1/app.py")).isEqualTo("print('v2')\n");
    assertThat(web.fs().readLink("/srv/app/releases/1/static")).isEqualTo("assets");
    assertThat(web.fs().isDirectory("/srv/app/releases/1/assets")).isTrue();
    assertThat(web.files()).containsKeys("/tmp/app.tgz", "/srv/app/releases/1/app.py");
  }

  @Test
  void packs_the_listed_files_and_links_and_fails_on_a_missing_one() {
    web.fs().write("/srv/1/lib/a.py", "a");
    web.fs().symlink("lib/a.py", "/srv/1/start");
    web.fs().mkdirs("/srv/2");
    web.upload(new ByteArrayInputStream("lib/a.py\0start\0".getBytes(StandardCharsets.UTF_8)), "/tmp/list", 0600);
    web.upload(new ByteArrayInputStream("gone.py\0".getBytes(StandardCharsets.UTF_8)), "/tmp/missing", 0600);

    web.apply(Batch.of(
        new Operation.Exec(Command.cmd("tar", "-C", "/srv/1", "-cf", "/tmp/copy.tar", "--null", "-T", "/tmp/list")),
        new Operation.Exec(Command.cmd("tar", "-xpf", "/tmp/copy.tar", "-C", "/srv/2"))));

    assertThat(web.fs().readString("/srv/2/lib/a.py")).isEqualTo("a");
    assertThat(web.fs().readLink("/srv/2/start")).isEqualTo("lib/a.py");
    assertThat(web.execute(Command.cmd("tar", "-C", "/srv/1", "-cf", "/tmp/x.tar", "--null", "-T", "/tmp/missing")
        .allowFailure()).stderr()).contains("gone.py: Cannot stat: No such file or directory");
  }

  @Test
  void dry_run_checks_syntax_with_the_real_shell_and_runs_nothing() {
    Host dry = web.dryRun();

    assertThat(dry.run("echo %s > /etc/motd", "hi").succeeded()).isTrue();
    assertThatThrownBy(() -> dry.run("if then fi")).isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("Syntax error");
    assertThat(web.commands()).isEmpty();
  }

  @Test
  void batches_change_the_file_system_and_name_the_failing_operation() {
    web.fs().write("/srv/file", "x");

    assertThatThrownBy(() -> web.apply(Batch.of(
        new Operation.Mkdirs("/srv/app/releases"),
        new Operation.CreateDirectory("/srv/file"))))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("operation 2 of 2 failed: mkdir /srv/file");
    assertThat(web.fs().isDirectory("/srv/app/releases")).isTrue();
  }

  @Test
  void deleting_the_root_directory_is_refused() {
    assertThatThrownBy(() -> web.delete("/")).hasMessageContaining("refusing to delete the root directory");
    assertThatThrownBy(() -> web.cd("/tmp").delete("..")).hasMessageContaining("refusing");
    assertThat(web.fs().isDirectory("/tmp")).isTrue();
  }

  @Test
  void read_link_on_something_else_says_what_is_there() {
    web.fs().mkdirs("/srv/dir");

    assertThatThrownBy(() -> web.fs().readLink("/srv/dir")).hasMessageContaining("not a symlink (it is a directory)");
    assertThatThrownBy(() -> web.fs().readLink("/nothing")).hasMessageContaining("nothing is there");
  }

  @Test
  void parallel_callers_share_one_fake_and_every_command_is_recorded() throws Exception {
    web.lenient();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        runs.add(pool.submit(() -> web.cd("/srv").run("echo %s", n)));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(web.commands()).hasSize(200).doesNotHaveDuplicates().contains("echo 0", "echo 199");
  }

  private static byte[] tarGz() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      byte[] app = "print('v2')\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry file = new TarArchiveEntry("v2/app.py");
      file.setSize(app.length);
      file.setMode(0644);
      tar.putArchiveEntry(file);
      tar.write(app);
      tar.closeArchiveEntry();
      tar.putArchiveEntry(new TarArchiveEntry("v2/assets/"));
      tar.closeArchiveEntry();
      TarArchiveEntry link = new TarArchiveEntry("v2/static", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("assets");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
