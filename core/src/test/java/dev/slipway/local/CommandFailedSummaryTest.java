package dev.slipway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.HostContext;
import dev.slipway.Batch;
import dev.slipway.BatchFailedException;
import dev.slipway.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CommandFailedException#summary()} names the real error, not a tool's closing words. */
class CommandFailedSummaryTest {
  @TempDir
  Path dir;

  @Test
  void a_full_disk_under_tar_is_summed_up_by_tars_real_error() {
    String stderr = "tar: app.py: Wrote only 9728 of 10240 bytes\n"
        + "tar: Exiting with failure status due to previous errors\n";
    Batch unpack = Batch.of(
        new Operation.Exec(Command.cmd("tar", "-xzf", "/srv/app/.slipway/tmp/next.tgz", "-C", "/srv/app/.slipway/staging/next")),
        new Operation.Remove("/srv/app/.slipway/tmp/next.tgz"));
    CommandResult result = new CommandResult("web-1", Command.shell("tar -xzf …"), 2, "", stderr, Duration.ZERO);

    assertThat(new BatchFailedException(HostContext.NONE, result, unpack, 0).summary()).isEqualTo(
        "Command failed on web-1 (exit status 2): operation 1 of 2: tar -xzf /srv/app/.slipway/tmp/next.tgz -C"
            + " /srv/app/.slipway/staging/next: tar: app.py: Wrote only 9728 of 10240 bytes");
  }

  @Test
  void a_truncated_archive_unpacked_by_the_real_tar_is_summed_up_by_why_it_stopped() throws IOException {
    Path truncated = Files.write(dir.resolve("cut.tgz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
    Path out = Files.createDirectories(dir.resolve("out"));
    Host host = LocalHost.named("local");

    CommandFailedException failure = catchThrowableOfType(CommandFailedException.class, () -> host.apply(
        Batch.of(new Operation.Exec(Command.cmd("tar", "-xzf", truncated.toString(), "-C", out.toString())))));

    assertThat(failure.stderr()).contains("tar: Error is not recoverable: exiting now");
    // gzip and tar write to the same stderr from two processes, so either complaint may come last.
    assertThat(failure.summary()).contains(": operation 1 of 1: tar -xzf ").doesNotContain("exiting now")
        .containsAnyOf(": tar: Unexpected EOF in archive", ": gzip: stdin: unexpected end of file");
  }

  @Test
  void a_failed_operation_written_on_several_lines_is_summed_up_by_its_own_last_words() {
    Host host = LocalHost.named("local");
    Command install = Command.shell("true &&\n{\necho 'ERROR: No matching distribution found for nothing' >&2\nfalse\n}");

    BatchFailedException failure = catchThrowableOfType(BatchFailedException.class, () -> host.apply(
        Batch.of(new Operation.Exec(Command.shell("true")), new Operation.Exec(install))));

    assertThat(failure.index()).isEqualTo(1);
    assertThat(failure.stderr()).isEqualTo("ERROR: No matching distribution found for nothing\n");
    assertThat(failure.summary()).endsWith("}: ERROR: No matching distribution found for nothing");
  }
}
