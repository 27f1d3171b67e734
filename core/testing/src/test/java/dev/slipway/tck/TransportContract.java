package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.BatchFailedException;
import dev.slipway.BatchTimeoutException;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.CommandTimeoutException;
import dev.slipway.FileInfo;
import dev.slipway.FileOperationException;
import dev.slipway.Host;
import dev.slipway.event.CommandEvent;
import dev.slipway.event.Event;
import dev.slipway.event.OutputEvent;
import dev.slipway.Batch;
import dev.slipway.Operation;
import dev.slipway.testing.FakeHost;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Host} promises, whatever its transport: commands and exit statuses, separate
 * output streams, events, timeouts, dry-run, file operations with their atomic renames and
 * symlinks, large streamed files, and batches that leave exactly the tree the fake leaves.
 *
 * <p>A subclass says how to get its host and a scratch directory. Commands go through
 * {@link #given}: a real transport ignores it and runs the command, a fake scripts the answer, so
 * one scenario runs on both. Shell semantics only a real shell has are in {@link ShellContract}.
 * Set-up uses the host's own commands and file operations only, so the suite runs on any
 * transport (local, fake, SSH).
 */
public abstract class TransportContract {
  private static final int LARGE_FILE = 20 * 1024 * 1024;

  /** The host under test, without context; shared by the tests' calls within one test. */
  protected abstract Host host();

  /**
   * An absolute, existing, empty directory on the host, private to the running test, written
   * without symlinks (so that {@code pwd -P} prints it back unchanged).
   */
  protected abstract String scratch();

  /** {@code directory} without symlinks, as {@link #scratch()} wants a local temporary directory. */
  protected static String realPath(Path directory) {
    try {
      return directory.toRealPath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tells a fake what {@code command} answers; real transports run it and ignore this. */
  protected void given(String command, int exitStatus, String stdout, String stderr) {}

  /** Tells a fake that {@code command} runs past its time limit; real transports run it. */
  protected void givenTimeout(String command) {}

  /** {@link #host()} acting as root through sudo; a transport whose login user has no sudo rights grants them. */
  protected Host sudoView() {
    return host().sudo();
  }

  /** {@code name} under the scratch directory. */
  protected String path(String name) {
    return scratch() + "/" + name;
  }

  // Commands

  @Test
  public void execute_reports_a_non_zero_exit_status_without_throwing() {
    given("exit 3", 3, "", "");

    assertThat(host().execute(Command.shell("exit 3")).exitStatus()).isEqualTo(3);
  }

  @Test
  public void run_throws_naming_host_command_status_and_stderr() {
    given("echo boom >&2; exit 4", 4, "", "boom\n");

    assertThatThrownBy(() -> host().run("echo boom >&2; exit 4"))
        .isInstanceOfSatisfying(CommandFailedException.class, e -> {
          assertThat(e.host()).isEqualTo(host().name());
          assertThat(e.exitStatus()).isEqualTo(4);
        })
        .hasMessageContaining("echo boom >&2; exit 4")
        .hasMessageContaining("boom");
  }

  @Test
  public void a_command_allowed_to_fail_does_not_throw() {
    given("exit 1", 1, "", "");

    assertThat(host().run(Command.shell("exit 1").allowFailure()).succeeded()).isFalse();
  }

  @Test
  public void test_and_capture_answer_questions() {
    given("true", 0, "", "");
    given("false", 1, "", "");
    given("echo '  padded  '", 0, "  padded  \n", "");

    assertThat(host().test("true")).isTrue();
    assertThat(host().test("false")).isFalse();
    assertThat(host().capture("echo '  padded  '")).isEqualTo("  padded");
  }

  @Test
  public void stdout_and_stderr_are_kept_apart() {
    given("echo out; echo err >&2", 0, "out\n", "err\n");

    CommandResult result = host().run("echo out; echo err >&2");

    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.host()).isEqualTo(host().name());
  }

  @Test
  public void output_lines_and_the_outcome_are_reported_as_events() {
    given("printf 'a\\nb\\n'; echo c >&2", 0, "a\nb\n", "c\n");
    List<Event> events = new CopyOnWriteArrayList<>();

    host().withListener(events::add).run("printf 'a\\nb\\n'; echo c >&2");

    assertThat(events).filteredOn(OutputEvent.class::isInstance).map(e -> (OutputEvent) e)
        .filteredOn(e -> e.stream() == OutputEvent.Stream.STDOUT).extracting(OutputEvent::line)
        .containsExactly("a", "b");
    assertThat(events).filteredOn(OutputEvent.class::isInstance).map(e -> ((OutputEvent) e).line()).contains("c");
    assertThat(events).filteredOn(CommandEvent.class::isInstance).map(e -> (CommandEvent) e)
        .singleElement()
        .satisfies(e -> {
          assertThat(e.command()).isEqualTo("printf 'a\\nb\\n'; echo c >&2");
          assertThat(e.outcome()).isEqualTo(CommandEvent.Outcome.SUCCEEDED);
        });
  }

  @Test
  public void a_command_past_its_time_limit_is_stopped_and_reported() {
    givenTimeout("sleep 5");
    List<Event> events = new CopyOnWriteArrayList<>();

    assertThatThrownBy(() -> host().withListener(events::add)
        .run(Command.shell("sleep 5").withTimeout(Duration.ofMillis(500))))
        .isInstanceOfSatisfying(CommandTimeoutException.class, e -> {
          assertThat(e.host()).isEqualTo(host().name());
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
        });
    assertThat(events).filteredOn(CommandEvent.class::isInstance)
        .singleElement()
        .extracting(e -> ((CommandEvent) e).outcome()).isEqualTo(CommandEvent.Outcome.TIMED_OUT);
  }

  @Test
  public void dry_run_checks_the_syntax_and_runs_nothing() {
    String file = path("created-by-dry-run");

    CommandResult result = host().dryRun().run("touch %s", file);
    host().dryRun().write(path("written-by-dry-run"), "x");

    assertThat(result.succeeded()).isTrue();
    assertThat(host().exists(file)).isFalse();
    assertThat(host().exists(path("written-by-dry-run"))).isFalse();
  }

  @Test
  public void dry_run_reports_a_syntax_error() {
    assertThatThrownBy(() -> host().dryRun().run("if true; then echo unfinished"))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("if true; then echo unfinished");
  }

  @Test
  public void dry_run_reports_a_syntax_error_behind_sudo_too() {
    assertThatThrownBy(() -> host().sudo().dryRun().run("if true; then echo unfinished"))
        .isInstanceOf(CommandFailedException.class);
  }

  // Files

  @Test
  public void a_written_file_reads_back_with_its_mode() {
    String file = path("config.yml");

    host().write(file, "key: välue\n");
    host().write(path("secret"), new byte[] {1, 2, 3}, 0600);

    assertThat(host().readString(file)).isEqualTo("key: välue\n");
    FileInfo info = host().stat(file).orElseThrow();
    assertThat(info.type()).isEqualTo(FileInfo.Type.FILE);
    assertThat(info.mode()).isEqualTo(0644);
    assertThat(info.size()).isEqualTo("key: välue\n".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    assertThat(host().stat(path("secret")).orElseThrow().mode()).isEqualTo(0600);
  }

  @Test
  public void writing_again_replaces_the_content() {
    host().write(path("f"), "first, and longer");
    host().write(path("f"), "second");

    assertThat(host().readString(path("f"))).isEqualTo("second");
    assertThat(host().list(scratch())).extracting(FileInfo::name).containsExactly("f");
  }

  @Test
  public void relative_paths_resolve_against_the_view_directory() {
    host().mkdirs(path("app"));

    host().cd(scratch()).cd("app").write("relative.txt", "here");

    assertThat(host().readString(path("app/relative.txt"))).isEqualTo("here");
  }

  @Test
  public void mkdirs_creates_parents_and_accepts_an_existing_directory() {
    host().mkdirs(path("a/b/c"));
    host().mkdirs(path("a/b/c"));

    assertThat(host().stat(path("a/b/c")).orElseThrow().isDirectory()).isTrue();
  }

  @Test
  public void mkdirs_over_a_file_fails_naming_the_path() {
    host().write(path("file"), "x");

    assertThatThrownBy(() -> host().mkdirs(path("file/sub")))
        .isInstanceOf(FileOperationException.class)
        .hasMessageContaining(path("file/sub"));
  }

  @Test
  public void list_is_sorted_and_reports_each_type() {
    host().write(path("b"), "x");
    host().mkdirs(path("a"));
    host().symlink("b", path("c"));

    List<FileInfo> entries = host().list(scratch());

    assertThat(entries).extracting(FileInfo::name).containsExactly("a", "b", "c");
    assertThat(entries).extracting(FileInfo::type)
        .containsExactly(FileInfo.Type.DIRECTORY, FileInfo.Type.FILE, FileInfo.Type.SYMLINK);
    assertThat(entries.get(1).path()).isEqualTo(path("b"));
  }

  @Test
  public void missing_files_are_empty_answers_or_clear_errors() {
    assertThat(host().stat(path("missing"))).isEmpty();
    assertThat(host().exists(path("missing"))).isFalse();
    assertThat(host().readLink(path("missing"))).isEmpty();
    assertThatThrownBy(() -> host().read(path("missing")))
        .isInstanceOf(FileOperationException.class)
        .hasMessageContaining(host().name())
        .hasMessageContaining(path("missing"));
    assertThatThrownBy(() -> host().list(path("missing"))).isInstanceOf(FileOperationException.class);
  }

  @Test
  public void nothing_is_below_a_regular_file() {
    host().write(path("file"), "x");

    assertThat(host().stat(path("file/below"))).isEmpty();
    assertThat(host().readLink(path("file/below"))).isEmpty();
  }

  // Symlinks, renames, deletes

  @Test
  public void a_symlink_is_created_read_and_replaced() {
    host().mkdirs(path("releases/1"));
    host().mkdirs(path("releases/2"));

    host().symlink(path("releases/1"), path("current"));
    host().symlink(path("releases/2"), path("current"));

    assertThat(host().readLink(path("current"))).contains(path("releases/2"));
    assertThat(host().stat(path("current")).orElseThrow().linkTarget()).contains(path("releases/2"));
    assertThat(host().list(scratch())).extracting(FileInfo::name).containsExactly("current", "releases");
  }

  @Test
  public void a_dangling_symlink_exists_and_keeps_its_text() {
    host().symlink("../nowhere/at all", path("dangling"));

    assertThat(host().exists(path("dangling"))).isTrue();
    assertThat(host().stat(path("dangling")).orElseThrow().isSymlink()).isTrue();
    assertThat(host().readLink(path("dangling"))).contains("../nowhere/at all");
  }

  @Test
  public void read_link_of_a_regular_file_is_empty() {
    host().write(path("plain"), "x");

    assertThat(host().readLink(path("plain"))).isEmpty();
  }

  @Test
  public void rename_replaces_a_file_atomically() {
    host().write(path("config"), "old");
    host().write(path("config.new"), "new");

    host().rename(path("config.new"), path("config"));

    assertThat(host().readString(path("config"))).isEqualTo("new");
    assertThat(host().exists(path("config.new"))).isFalse();
  }

  @Test
  public void rename_replaces_a_symlink_to_a_directory_not_the_directory() {
    host().mkdirs(path("releases/1"));
    host().mkdirs(path("releases/2"));
    host().symlink(path("releases/1"), path("current"));
    host().symlink(path("releases/2"), path("current.tmp"));

    host().rename(path("current.tmp"), path("current"));

    assertThat(host().readLink(path("current"))).contains(path("releases/2"));
    assertThat(host().list(path("releases/1"))).isEmpty();
    assertThat(host().exists(path("current.tmp"))).isFalse();
  }

  @Test
  public void delete_removes_a_tree_without_following_its_links() {
    host().mkdirs(path("outside"));
    host().mkdirs(path("tree/a/b"));
    host().write(path("outside/keep.txt"), "keep");
    host().write(path("tree/a/b/file"), "x");
    host().symlink(path("outside"), path("tree/a/link"));

    host().delete(path("tree"));

    assertThat(host().exists(path("tree"))).isFalse();
    assertThat(host().readString(path("outside/keep.txt"))).isEqualTo("keep");
  }

  @Test
  public void delete_of_a_symlink_leaves_its_target() {
    host().mkdirs(path("target"));
    host().write(path("target/file"), "x");
    host().symlink(path("target"), path("link"));

    host().delete(path("link"));
    host().delete(path("never-existed"));

    assertThat(host().exists(path("link"))).isFalse();
    assertThat(host().readString(path("target/file"))).isEqualTo("x");
  }

  @Test
  public void a_large_file_streams_up_and_down_intact() throws Exception {
    MessageDigest sent = MessageDigest.getInstance("SHA-256");

    host().upload(new RandomBytes(LARGE_FILE, 42, sent), path("large.bin"), 0640);
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), received)) {
      host().download(path("large.bin"), sink);
    }

    assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    assertThat(host().stat(path("large.bin")).orElseThrow())
        .satisfies(info -> assertThat(info.size()).isEqualTo(LARGE_FILE))
        .satisfies(info -> assertThat(info.mode()).isEqualTo(0640));
  }

  // Batches

  @Test
  public void a_batch_leaves_the_same_tree_as_the_fake() {
    String root = path("app");
    Batch batch = BatchScenarios.everyOperation(root);
    FakeHost reference = FakeHost.named("reference");
    reference.mkdirs(scratch());

    host().apply(batch);
    reference.apply(batch);

    assertThat(TreeSnapshot.of(host(), root)).isEqualTo(TreeSnapshot.of(reference, root))
        .containsEntry("current", "symlink -> releases/2")
        .containsKey("releases/2/app.py");
  }

  @Test
  public void file_operations_of_a_sudo_view_leave_the_same_tree_as_the_fake() {
    String root = path("app");
    FakeHost reference = FakeHost.named("reference");
    reference.mkdirs(scratch());

    for (Host view : List.of(sudoView(), reference.sudo())) {
      view.mkdirs(root + "/releases/1");
      view.write(root + "/releases/1/app.py", "print('hi')\n".getBytes(StandardCharsets.UTF_8), 0640);
      view.upload(new ByteArrayInputStream(BatchScenarios.HOSTILE_TEXT.getBytes(StandardCharsets.UTF_8)),
          root + "/blob", 0600);
      view.symlink("releases/1", root + "/current");
      view.rename(root + "/blob", root + "/blob.moved");
      view.mkdirs(root + "/old/tree");
      view.delete(root + "/old");
    }

    assertThat(TreeSnapshot.of(sudoView(), root)).isEqualTo(TreeSnapshot.of(reference, root))
        .containsEntry("current", "symlink -> releases/1")
        .containsEntry("blob.moved", String.format("file 0600 %s", BatchScenarios.HOSTILE_TEXT));
  }

  @Test
  public void a_failing_batch_stops_at_the_failing_operation_and_names_it() {
    String root = path("app");
    Batch batch = BatchScenarios.failingSecond(root);

    assertThatThrownBy(() -> host().apply(batch))
        .isInstanceOf(BatchFailedException.class)
        .hasMessageContaining("operation 2 of 3 failed: mkdir " + root + "/locked")
        .satisfies(e -> {
          BatchFailedException failed = (BatchFailedException) e;
          assertThat(failed.index()).isEqualTo(1);
          assertThat(failed.operation()).isEqualTo(batch.operations().get(1));
          assertThat(failed.exitStatus()).isNotZero();
          assertThat(failed.stderr()).isNotBlank().doesNotContain("operation 2 of 3");
          assertThat(failed.summary()).contains("(exit status ").contains("): operation 2 of 3: mkdir " + root + "/locked");
        });
    assertThat(host().exists(root + "/locked")).isTrue();
    assertThat(host().exists(root + "/after")).isFalse();
  }

  @Test
  public void a_batch_command_past_its_own_time_limit_is_stopped_and_named() {
    givenTimeout("sleep 30");
    List<Event> events = new CopyOnWriteArrayList<>();
    Command slow = Command.shell("sleep 30").withTimeout(Duration.ofSeconds(1));
    Batch batch = Batch.of(new Operation.Mkdirs(path("first")), new Operation.Exec(slow),
        new Operation.Mkdirs(path("after")));

    assertThatThrownBy(() -> host().withListener(events::add).apply(batch))
        .isInstanceOfSatisfying(BatchTimeoutException.class, late -> {
          assertThat(late.host()).isEqualTo(host().name());
          assertThat(late.index()).isEqualTo(1);
          assertThat(late.command()).isEqualTo(slow);
          assertThat(late.timeout()).isEqualTo(Duration.ofSeconds(1));
        })
        .hasMessageContaining("operation 2 of 3: sleep 30");
    assertThat(events).filteredOn(CommandEvent.class::isInstance)
        .singleElement()
        .extracting(e -> ((CommandEvent) e).outcome()).isEqualTo(CommandEvent.Outcome.TIMED_OUT);
    assertThat(host().exists(path("first"))).isTrue();
    assertThat(host().exists(path("after"))).isFalse();
  }

  @Test
  public void a_batch_command_output_is_the_batch_output() {
    given("echo from-batch", 0, "from-batch\n", "");

    CommandResult result = host().apply(Batch.of(new Operation.Mkdirs(path("x")),
        new Operation.Exec(Command.shell("echo from-batch"))));

    assertThat(result.stdout()).isEqualTo("from-batch\n");
  }

  @Test
  public void a_batch_in_dry_run_changes_nothing() {
    host().dryRun().apply(BatchScenarios.everyOperation(path("app")));

    assertThat(host().exists(path("app"))).isFalse();
  }

  /** Deterministic pseudo-random bytes of a given length, digested as they are read. */
  private static final class RandomBytes extends InputStream {
    private final Random random;
    private final MessageDigest digest;
    private long left;

    RandomBytes(long length, long seed, MessageDigest digest) {
      this.random = new Random(seed);
      this.digest = digest;
      this.left = length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      digest.update(chunk);
      System.arraycopy(chunk, 0, buffer, offset, n);
      left -= n;
      return n;
    }
  }
}
