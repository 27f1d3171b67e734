package dev.slipway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.BatchFailedException;
import dev.slipway.BatchTimeoutException;
import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.Secret;
import dev.slipway.local.LocalHost;
import dev.slipway.Batch;
import dev.slipway.Operation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class ScriptCompilerTest {

  @TempDir
  Path dir;

  @Test
  void each_operation_compiles_to_quoted_shell() {
    assertThat(ScriptCompiler.shell(new Operation.Mkdirs("/srv/my app"))).isEqualTo("mkdir -p -- '/srv/my app'");
    assertThat(ScriptCompiler.shell(new Operation.CreateDirectory("/srv/lock"))).isEqualTo("mkdir -- /srv/lock");
    assertThat(ScriptCompiler.shell(new Operation.Symlink("releases/1", "/srv/current")))
        .isEqualTo("{ [ ! -e /srv/current.slipway-$$ ] && [ ! -L /srv/current.slipway-$$ ] || rm -f -- /srv/current.slipway-$$; }"
            + " && ln -s -- releases/1 /srv/current.slipway-$$"
            + " && mv -Tf -- /srv/current.slipway-$$ /srv/current || { rm -f -- /srv/current.slipway-$$; false; }");
    assertThat(ScriptCompiler.shell(new Operation.Rename("/a", "/b c"))).isEqualTo("mv -Tf -- /a '/b c'");
    assertThat(ScriptCompiler.shell(new Operation.Remove("/srv/old"))).isEqualTo("rm -rf -- /srv/old");
    assertThat(ScriptCompiler.shell(new Operation.WriteFile("/srv/f", "it's", 0640)))
        .isEqualTo("{ [ ! -e /srv/f.slipway-$$ ] && [ ! -L /srv/f.slipway-$$ ] || rm -f -- /srv/f.slipway-$$; }"
            + " && (umask 077 && printf '%s' 'it'\"'\"'s' > /srv/f.slipway-$$) && chmod 640 /srv/f.slipway-$$"
            + " && mv -Tf -- /srv/f.slipway-$$ /srv/f || { rm -f -- /srv/f.slipway-$$; false; }");
    assertThat(ScriptCompiler.shell(new Operation.WriteFile("/srv/p", "p", 0600))).contains("(umask 177 && printf")
        .doesNotContain("chmod");
    assertThat(ScriptCompiler.shell(new Operation.WriteFile("/srv/w", "w", 0644))).contains("(umask 133 && printf")
        .doesNotContain("chmod");
    assertThat(ScriptCompiler.shell(new Operation.Upload("/srv/u", new byte[3], 0755)))
        .isEqualTo("{ [ ! -e /srv/u.slipway-$$ ] && [ ! -L /srv/u.slipway-$$ ] || rm -f -- /srv/u.slipway-$$; }"
            + " && (umask 077 && head -c 3 > /srv/u.slipway-$$) && chmod 755 /srv/u.slipway-$$"
            + " && mv -Tf -- /srv/u.slipway-$$ /srv/u || { rm -f -- /srv/u.slipway-$$; false; }");
    assertThat(ScriptCompiler.shell(new Operation.Copy("/a", "/b"))).isEqualTo("cp -a -- /a /b");
    assertThat(ScriptCompiler.shell(new Operation.Exec(Command.cmd("echo", "a b")))).isEqualTo("(set +eu\necho 'a b'\n)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"000", "077"})
  void written_files_get_exactly_their_mode_and_replace_a_leftover_of_the_same_temporary_name(String umask)
      throws Exception {
    String leftovers = "ln -s /nowhere " + dir + "/link.slipway-$$ && printf old > " + dir + "/f.slipway-$$"
        + " && chmod 666 " + dir + "/f.slipway-$$";
    byte[] tool = "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8);
    Batch batch = Batch.of(new Operation.Exec(Command.shell(leftovers)),
        new Operation.WriteFile(dir + "/f", "new", 0600), new Operation.Upload(dir + "/tool", tool, 0750),
        new Operation.Symlink("f", dir + "/link"));

    LocalHost.create().execute(Command.shell("umask " + umask + "; " + ScriptCompiler.compile(batch)).withStdin(tool));

    assertThat(Files.readString(dir.resolve("f"))).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("f")))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tool")))).isEqualTo("rwxr-x---");
    assertThat(Files.readSymbolicLink(dir.resolve("link"))).isEqualTo(Path.of("f"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("f", "tool", "link");
    }
  }

  @Test
  void a_failing_command_whose_stderr_lacks_its_final_newline_is_still_named_and_its_words_kept() {
    Batch batch = Batch.of(new Operation.Mkdirs(dir + "/first"),
        new Operation.Exec(Command.shell("printf 'no newline' >&2; exit 3")));

    CommandResult result = LocalHost.create().execute(Command.shell(ScriptCompiler.compile(batch)).allowFailure());

    assertThat(ScriptCompiler.failedOperation(result.stderr())).hasValue(1);
    assertThat(ScriptCompiler.withoutFailureLine(result.stderr())).isEqualTo("no newline");
  }

  @Test
  void a_command_in_a_batch_runs_as_sh_c_would_whatever_fails_inside_it() {
    String loop = "i=0; while [ $i -lt 3 ]; do i=$((i + 1)); out=$( (x=$(false); echo \"try $i\") 2>&1 ); done;"
        + " echo \"$out ${UNSET_ANYWHERE:-}$UNSET_HERE\"; exit 4";
    Batch batch = Batch.of(new Operation.Exec(Command.shell(loop)), new Operation.Mkdirs(dir + "/after"));

    CommandResult result = LocalHost.create().execute(Command.shell(ScriptCompiler.compile(batch)).allowFailure());

    assertThat(result.stdout()).isEqualTo("try 3 \n");
    assertThat(ScriptCompiler.failedOperation(result.stderr())).hasValue(0);
    assertThat(result.exitStatus()).isEqualTo(4);
    assertThat(Files.exists(dir.resolve("after"))).isFalse();
  }

  @Test
  void a_script_starts_strict_and_guards_every_operation() {
    String script = ScriptCompiler.compile(Batch.of(new Operation.Mkdirs("/a"), new Operation.Remove("/b")));

    assertThat(script).startsWith("set -eu\n")
        .contains("{ mkdir -p -- /a\n} || slipway_fail 1 '")
        .contains("{ rm -rf -- /b\n} || slipway_fail 2 '");
  }

  @Test
  void a_failing_operation_is_named_with_its_index_and_stops_the_script() {
    String root = dir.toString();
    Batch batch = Batch.of(
        new Operation.Mkdirs(root + "/first"),
        new Operation.Rename(root + "/missing", root + "/target"),
        new Operation.Mkdirs(root + "/third"));

    CommandResult result = LocalHost.create().execute(Command.shell(ScriptCompiler.compile(batch)));

    assertThat(result.exitStatus()).isNotZero();
    assertThat(result.stderr()).contains("slipway: operation 2 of 3 failed: mv " + root + "/missing " + root + "/target");
    assertThat(dir.resolve("first")).isDirectory();
    assertThat(Files.exists(dir.resolve("third"))).isFalse();
  }

  @Test
  void a_command_past_its_time_limit_is_killed_with_what_it_started_and_named_as_late() {
    Command slow = Command.shell("echo started; (sleep 30; echo late) & sleep 30").withTimeout(Duration.ofMillis(300));
    Batch batch = Batch.of(new Operation.Mkdirs(dir + "/first"), new Operation.Exec(slow),
        new Operation.Mkdirs(dir + "/after"));

    // Returns: the background sleep that holds the output open was killed too.
    assertThatThrownBy(() -> LocalHost.create().apply(batch))
        .isInstanceOfSatisfying(BatchTimeoutException.class, late -> {
          assertThat(late.index()).isEqualTo(1);
          assertThat(late.operation()).isEqualTo(batch.operations().get(1));
          assertThat(late.command()).isEqualTo(slow);
          assertThat(late.timeout()).isEqualTo(Duration.ofMillis(300));
          assertThat(late.result().exitStatus()).isEqualTo(124);
          assertThat(late.result().stdout()).isEqualTo("started\n");
          assertThat(late.result().stderr()).doesNotContain("slipway: operation");
        })
        .hasMessage("Command timed out on local after 300 ms: operation 2 of 3: " + slow);
    assertThat(dir.resolve("first")).isDirectory();
    assertThat(Files.exists(dir.resolve("after"))).isFalse();
  }

  @Test
  void a_command_within_its_time_limit_keeps_its_output_and_exit_status() {
    Batch batch = Batch.of(new Operation.Exec(Command.shell("echo fine").withTimeout(Duration.ofSeconds(30))),
        new Operation.Exec(Command.shell("echo broken >&2; exit 3").withTimeout(Duration.ofSeconds(30))));

    assertThatThrownBy(() -> LocalHost.create().apply(batch))
        .isInstanceOfSatisfying(BatchFailedException.class, failed -> {
          assertThat(failed.index()).isEqualTo(1);
          assertThat(failed.exitStatus()).isEqualTo(3);
          assertThat(failed.result().stdout()).isEqualTo("fine\n");
          assertThat(failed.stderr()).isEqualTo("broken\n");
        });
  }

  @Test
  void the_timeout_line_names_the_operation_and_its_limit_in_seconds_rounded_up() {
    Batch batch = Batch.of(new Operation.Mkdirs("/a"),
        new Operation.Exec(Command.shell("sleep 9").withTimeout(Duration.ofMillis(1500))));

    String stderr = "partial\n" + ScriptCompiler.timeoutLine(batch, 1);

    assertThat(stderr).endsWith("slipway: operation 2 of 2 timed out after 2s: sleep 9\n");
    assertThat(ScriptCompiler.failedOperation(stderr)).hasValue(1);
    assertThat(ScriptCompiler.timedOut(stderr)).isTrue();
    assertThat(ScriptCompiler.timedOut(ScriptCompiler.failureLine(batch, 1))).isFalse();
    assertThat(ScriptCompiler.withoutFailureLine(stderr)).isEqualTo("partial\n");
  }

  @Test
  void a_file_larger_than_one_exec_argument_is_written_whole() throws Exception {
    String content = "0123456789abcdef\n".repeat(20_000);
    Path file = dir.resolve("big.txt");

    LocalHost.create().apply(Batch.of(new Operation.WriteFile(file.toString(), content, 0600)));

    assertThat(Files.readString(file)).isEqualTo(content);
  }

  @Test
  void a_batch_cannot_carry_a_secret() {
    Batch batch = Batch.of(new Operation.Exec(Command.cmd("login", Secret.of("pw"))));

    assertThatThrownBy(() -> ScriptCompiler.compile(batch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("login [REDACTED]")
        .hasMessageNotContaining("pw");
  }
}
