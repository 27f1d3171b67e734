package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.terminal.ExitCode;
import dev.slipway.cli.Slipway;
import dev.slipway.shell.ExampleTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int launchTyping(String input, String... args) {
    return Slipway.run(ExampleTree.tree(), args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int launch(String... args) {
    return launchTyping("", args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runs_an_action_with_live_output_and_a_summary() {
    int exit = launch("run", "/local_hello", "hello");

    assertThat(exit).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("local | hello world").containsPattern("local  ok      1 command  \\d+\\.\\d s");
  }

  @Test
  void run_is_the_default_command() {
    int exit = launch("/web", "greet", "bob", "1");

    assertThat(exit).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("web-1 | hello bob 1", "web-2 | hello bob 1");
  }

  @Test
  void converts_arguments_and_runs_on_every_host_of_the_node() {
    int exit = launch("run", "--path", "/web", "--", "greet", "bob", "2");

    assertThat(exit).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("web-1 | hello bob 1", "web-1 | hello bob 2", "web-2 | hello bob 2")
        .contains("web-1  ok      2 commands", "web-2  ok      2 commands");
  }

  @Test
  void dry_run_shows_the_commands_and_runs_nothing() {
    int exit = launch("run", "--dry-run", "/web", "restart", "hard");

    assertThat(exit).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("web-1 (dry-run) $ echo 'restarting hard'", "web-2 (dry-run) $ echo 'restarting hard'")
        .doesNotContain("web-1 | restarting hard");
  }

  @Test
  void a_failing_command_exits_1_naming_host_and_command() {
    int exit = launch("run", "/web", "fail");

    assertThat(exit).isEqualTo(ExitCode.FAILED);
    assertThat(out()).contains("web-1 | about to fail", "web-1  FAILED");
    assertThat(err()).isEqualTo("error: /web fail failed: echo about to fail; exit 3 failed on 2 of 2 hosts: web-1, web-2\n");
  }

  @Test
  void a_bad_path_exits_2_listing_the_nodes() {
    int exit = launch("run", "/nowhere", "hello");

    assertThat(exit).isEqualTo(ExitCode.USAGE);
    assertThat(err()).isEqualTo("error: no node at /nowhere; nodes: /, /local_hello, /web, /production, /production/db\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void an_unknown_action_exits_2_listing_the_actions() {
    int exit = launch("run", "/web", "rollback");

    assertThat(exit).isEqualTo(ExitCode.USAGE);
    assertThat(err()).isEqualTo("error: no action 'rollback' in /web; its actions: deploy, fail, greet, restart, snooze\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void a_bad_argument_value_exits_2_naming_the_parameter_and_value() {
    int exit = launch("run", "/web", "greet", "bob", "twice");

    assertThat(exit).isEqualTo(ExitCode.USAGE);
    assertThat(err()).isEqualTo("error: greet: argument 'times' must be a whole number, was 'twice'\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void a_value_outside_an_enum_exits_2_listing_the_values() {
    int exit = launch("run", "/web", "restart", "sideways");

    assertThat(exit).isEqualTo(ExitCode.USAGE);
    assertThat(err()).isEqualTo("error: restart: argument 'mode' must be one of GRACEFUL|HARD, was 'sideways'\n");
  }

  @Test
  void list_and_inspect_of_a_bad_path_exit_2_with_one_line() {
    assertThat(launch("inspect", "/web/nowhere")).isEqualTo(ExitCode.USAGE);
    assertThat(launch("list", "/nowhere")).isEqualTo(ExitCode.USAGE);

    assertThat(err()).hasLineCount(2).contains("error: no node at /web/nowhere; nodes: /, /local_hello", "error: no node at /nowhere;");
    assertThat(out()).isEmpty();
  }

  @Test
  void a_bad_option_value_exits_2_before_anything_runs() {
    assertThat(launch("run", "--parallelism", "0", "/web", "greet", "bob", "1")).isEqualTo(ExitCode.USAGE);

    assertThat(err()).isEqualTo("error: parallelism must be at least 1, was 0\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void a_wrong_number_of_arguments_exits_2_with_the_signature() {
    int exit = launch("run", "/web", "restart");

    assertThat(exit).isEqualTo(ExitCode.USAGE);
    assertThat(err()).hasLineCount(1).contains("restart(mode: GRACEFUL|HARD)");
  }

  @Test
  void production_needs_yes_in_non_interactive_mode() {
    int refused = launch("run", "--non-interactive", "/production/db", "migrate");

    assertThat(refused).isEqualTo(ExitCode.REFUSED);
    assertThat(err()).isEqualTo("Refused: Run migrate on /production/db in group production needs a confirmation;"
        + " add --yes to confirm in non-interactive mode\n");
    assertThat(out()).doesNotContain("migrated");

    int confirmed = launch("run", "--non-interactive", "--yes", "/production/db", "migrate");

    assertThat(confirmed).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("db-1 | migrated");
  }

  @Test
  void production_asks_for_confirmation_on_the_input() {
    assertThat(launchTyping("n\n", "run", "/production/db", "migrate")).isEqualTo(ExitCode.REFUSED);
    assertThat(out()).contains("Run migrate on /production/db in group production? [y/N]", "Not confirmed")
        .doesNotContain("migrated");

    assertThat(launchTyping("y\n", "run", "/production/db", "migrate")).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("db-1 | migrated");
  }

  @Test
  void actions_ask_on_the_console_and_take_defaults_when_non_interactive() {
    assertThat(launchTyping("1\n", "run", "/web", "deploy")).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("  1) v1", "Deploy which version? [v2]", "web-1 | deploying v1");

    assertThat(launch("run", "--non-interactive", "/web", "deploy")).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("Deploy which version? [v2] v2 (non-interactive: default)", "web-2 | deploying v2");
  }

  @Test
  void list_prints_the_tree_with_groups_and_actions() {
    assertThat(launch("list")).isEqualTo(ExitCode.OK);

    assertThat(out()).contains(String.join("\n",
        "/",
        "  local_hello/",
        "    hello()  Say hello on every host",
        "  web/  [staging]",
        "    deploy()                         Deploy a version chosen on the console",
        "    fail()                           A command that fails",
        "    greet(name: String, times: int)  Greet someone a few times",
        "    restart(mode: GRACEFUL|HARD)     Restart the app",
        "    snooze(seconds: int)             Sleep, then say so (for Ctrl-C)",
        "  production/  [production]",
        "    db/",
        "      migrate()  Migrate the schema"));
  }

  @Test
  void inspect_shows_class_group_hosts_actions_and_children() {
    assertThat(launch("inspect", "/web")).isEqualTo(ExitCode.OK);

    assertThat(out()).contains("Node:     /web", "Class:    dev.slipway.shell.ExampleTree$Web", "Group:    staging",
        "  host: web-1, web-2", "  greet(name: String, times: int)", "Children:\n  (none)");
  }

  @Test
  void no_action_without_a_terminal_exits_2_and_says_what_to_do() {
    assertThat(launch("run", "/web")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("the interactive shell needs a terminal; give an action, e.g. run /web ACTION ARGS");
  }

  @Test
  void version_help_and_unknown_options() {
    assertThat(launch("--version")).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("Slipway ");
    assertThat(launch("run", "--help")).isEqualTo(ExitCode.OK);
    assertThat(out()).contains("--non-interactive", "--dry-run", "--parallelism=N");
    assertThat(launch("run", "--bogus")).isEqualTo(ExitCode.USAGE);
    assertThat(err()).contains("error: Unknown option: '--bogus' (see --help)");
  }

  @Test
  void log_file_receives_every_command(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("run.log");

    assertThat(launch("run", "--log", log.toString(), "/local_hello", "hello")).isEqualTo(ExitCode.OK);

    assertThat(Files.readString(log)).contains("local stdout| hello world").contains("local SUCCEEDED exit=0");
  }
}
