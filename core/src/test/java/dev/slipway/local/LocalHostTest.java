package dev.slipway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.CommandTimeoutException;
import dev.slipway.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the local transport does: process groups, long scripts, the pty through {@code script}. */
class LocalHostTest {
  private final Host local = LocalHost.create();

  @TempDir
  Path dir;

  @Test
  void a_timeout_kills_the_whole_process_tree() throws Exception {
    Path late = dir.resolve("late");
    Command command = Command.format("sleep 3; echo late > %s; echo late", late.toString())
        .withTimeout(Duration.ofMillis(500));
    List<String> lines = new CopyOnWriteArrayList<>();

    assertThatThrownBy(() -> local.withListener(event -> lines.add(event.toString())).execute(command))
        .isInstanceOf(CommandTimeoutException.class)
        .hasMessageContaining("timed out on local after 500 ms");

    // The shell's sleep would have written the file at 3 s; it never does once its group is gone.
    Thread.sleep(3500);
    assertThat(late).doesNotExist();
    assertThat(lines).noneMatch(line -> line.contains("line=late"));
  }

  @Test
  void a_timeout_also_kills_a_background_child_holding_the_output_open() {
    Command command = Command.shell("(sleep 30; echo late) & sleep 30").withTimeout(Duration.ofMillis(300));

    assertThatThrownBy(() -> local.execute(command)).isInstanceOf(CommandTimeoutException.class);
  }

  @Test
  void a_script_far_longer_than_one_exec_argument_runs() {
    StringBuilder script = new StringBuilder("n=0\n");
    while (script.length() < 300 * 1024) {
      script.append("n=$((n+1)) # ").append("x".repeat(60)).append('\n');
    }
    script.append("echo \"$n\"; cat");

    CommandResult result = local.run(Command.shell(script.toString()).withStdin("and stdin\n"));

    assertThat(result.stdout()).isEqualTo((script.toString().lines().count() - 2) + "\nand stdin\n");
  }

  @Test
  void a_pty_makes_stdout_a_terminal() {
    CommandResult withPty = local.run(Command.shell("[ -t 1 ] && echo terminal || echo pipe").withPty());
    CommandResult without = local.run(Command.shell("[ -t 1 ] && echo terminal || echo pipe"));

    assertThat(withPty.output()).isEqualTo("terminal");
    assertThat(without.output()).isEqualTo("pipe");
  }

  @Test
  void a_pty_command_still_gets_stdin_quoting_and_its_exit_status() {
    Command command = Command.format("read answer; printf '%%s|%%s\\n' \"$answer\" %s; exit 3", "it's")
        .withStdin("yes\n").withPty();

    CommandResult result = local.execute(command);

    assertThat(result.exitStatus()).isEqualTo(3);
    assertThat(result.stdout()).contains("yes|it's\r\n");
  }

  @Test
  void commands_start_in_the_home_directory_like_a_login() {
    assertThat(local.capture("pwd -P")).isEqualTo(Path.of(System.getProperty("user.home")).toAbsolutePath()
        .normalize().toString());
  }

  @Test
  void file_errors_name_the_host_and_the_path() {
    String missing = dir.resolve("missing").toString();

    assertThatThrownBy(() -> local.read(missing))
        .hasMessageContaining("local")
        .hasMessageContaining(missing)
        .hasMessageContaining("no such file or directory");
  }

  @Test
  void a_symlink_over_a_directory_is_refused_and_the_directory_kept() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));

    assertThatThrownBy(() -> local.symlink("/elsewhere", real.toString()))
        .hasMessageContaining("a directory is in the way");
    assertThat(real).isDirectory();
    assertThat(Files.list(dir)).containsExactly(real);
  }
}
