package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.CommandTimeoutException;
import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.event.Event;
import dev.slipway.event.OutputEvent;
import dev.slipway.Batch;
import dev.slipway.Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The {@link TransportContract} plus what only a real shell can show: the working directory, the
 * environment and prefixes reaching the command, stdin, quoting of hostile arguments, secrets kept
 * out of everything reported, and timeouts that stop the command's children too. Real transports
 * (local, SSH) run this; the fake runs only the transport contract.
 */
public abstract class ShellContract extends TransportContract {

  @Test
  public void cd_sets_the_working_directory_and_nests_relative_directories() {
    host().mkdirs(path("a/b"));

    assertThat(host().cd(scratch()).capture("pwd -P")).isEqualTo(scratch());
    assertThat(host().cd(scratch()).cd("a").cd("b").capture("pwd -P")).isEqualTo(path("a/b"));
    assertThat(host().cd(path("a")).cd(scratch()).capture("pwd -P")).isEqualTo(scratch());
  }

  @Test
  public void a_missing_directory_fails_the_command_instead_of_running_it_elsewhere() {
    CommandResult result = host().cd(path("missing")).execute(Command.format("touch %s", path("ran")));

    assertThat(result.succeeded()).isFalse();
    assertThat(host().exists(path("ran"))).isFalse();
  }

  @Test
  public void environment_variables_reach_the_command_verbatim() {
    String value = "it's $HOME and `id` \"quoted\" ünï";

    assertThat(host().env("GREETING", value).env("OTHER", "2").capture("printf '%s|%s' \"$GREETING\" \"$OTHER\""))
        .isEqualTo(value + "|2");
  }

  @Test
  public void prefixes_run_first_and_a_failing_prefix_stops_the_command() {
    assertThat(host().prefix("export STAGE=prepared").capture("echo $STAGE")).isEqualTo("prepared");

    CommandResult stopped = host().prefix("false").execute(Command.format("touch %s", path("ran")));

    assertThat(stopped.succeeded()).isFalse();
    assertThat(host().exists(path("ran"))).isFalse();
  }

  @Test
  public void stdin_reaches_the_command() {
    String input = "line 1\nlïne 2 🚀\n";

    assertThat(host().run(Command.shell("cat").withStdin(input)).stdout()).isEqualTo(input);
    assertThat(host().run(Command.shell("cat")).stdout()).isEmpty();
  }

  @Test
  public void large_output_arrives_whole() {
    assertThat(host().run("yes 0123456789 | head -n 100000").stdout()).hasSize(1_100_000);
  }

  @Test
  public void a_line_without_arguments_runs_as_written() {
    assertThat(host().capture("printf '%s|%%|%d' a 7")).isEqualTo("a|%|7");
    assertThat(host().capture("date +%s")).matches("[0-9]+");
    assertThat(host().test("test \"$(printf %s x)\" = x")).isTrue();
  }

  @Test
  public void hostile_arguments_arrive_byte_for_byte() {
    for (String value : List.of("", " ", "'", "\"", "$HOME", "${HOME}", "`id`", "$(id)", "\\", "a\nb", "\t",
        "-n", "--", "*", "~", "#", ";", "&&", "|", "!", "ünïcødé 🚀", "%s %%", "'\"'\"'")) {
      assertThat(host().run("printf %%s %s", value).stdout()).as("value %s", value).isEqualTo(value);
    }
  }

  @Test
  public void a_secret_reaches_the_command_but_nothing_reported() {
    Secret password = Secret.of("hunter2 's3cr3t'");
    List<Event> events = new CopyOnWriteArrayList<>();
    Host watched = host().withListener(events::add);

    CommandResult result = watched.run(Command.cmd("sh", "-c", "printf %s \"$0\"; cat", password).withStdin("+input"));
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() ->
        watched.run(Command.cmd("sh", "-c", "echo \"$0\" >&2; exit 1", password)));

    assertThat(result.stdout()).isEqualTo(Secret.MASK + "+input");
    assertThat(result.command().toString()).doesNotContain("hunter2");
    assertThat(failure).isInstanceOf(CommandFailedException.class).hasMessageNotContaining("hunter2");
    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain("hunter2"));
  }

  @Test
  public void a_timeout_stops_the_command_and_its_children() throws InterruptedException {
    List<Event> events = new CopyOnWriteArrayList<>();
    Command slow = Command.format("sleep 2; touch %s; echo late", path("late")).withTimeout(Duration.ofMillis(500));

    assertThatThrownBy(() -> host().withListener(events::add).run(slow)).isInstanceOf(CommandTimeoutException.class);
    Thread.sleep(2500);

    assertThat(host().exists(path("late"))).isFalse();
    assertThat(events).filteredOn(OutputEvent.class::isInstance).noneMatch(e -> ((OutputEvent) e).line().equals("late"));
  }

  @Test
  public void a_batch_runs_in_the_view_directory_and_environment() {
    CommandResult result = host().cd(scratch()).env("RELEASE", "r1").apply(Batch.of(
        new Operation.Exec(Command.shell("pwd -P; echo \"$RELEASE\""))));

    assertThat(result.stdout()).isEqualTo(scratch() + "\nr1\n");
  }
}
