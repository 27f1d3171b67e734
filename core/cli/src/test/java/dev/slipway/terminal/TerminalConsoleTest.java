package dev.slipway.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.console.HostStatus;
import dev.slipway.console.Progress;
import dev.slipway.console.UnansweredQuestionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

class TerminalConsoleTest {
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  private TerminalConsole typing(String keys) throws IOException {
    var terminal = new DumbTerminal(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen);
    return TerminalConsole.interactive(terminal);
  }

  private String screen() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  @Test
  void confirm_reads_yes_and_no() throws IOException {
    TerminalConsole console = typing("yes\nn\n");

    assertThat(console.confirm("Restart gunicorn?")).isTrue();
    assertThat(console.confirm("Drop the database?")).isFalse();
    assertThat(screen()).contains("Restart gunicorn? [y/n]", "Drop the database? [y/n]");
  }

  @Test
  void confirm_takes_the_default_on_an_empty_answer_and_asks_again_on_nonsense() throws IOException {
    TerminalConsole console = typing("maybe\n\n");

    assertThat(console.confirm("Continue?", false)).isFalse();
    assertThat(screen()).contains("Continue? [y/N]", "Please answer [y/N]");
  }

  @Test
  void choice_accepts_a_number_or_a_name() throws IOException {
    TerminalConsole console = typing("2\nv1\n\n");

    assertThat(console.choice("Version?", List.of("v1", "v2"))).isEqualTo("v2");
    assertThat(console.choice("Version?", List.of("v1", "v2"))).isEqualTo("v1");
    assertThat(console.choice("Version?", List.of("v1", "v2"), "v2")).isEqualTo("v2");
    assertThat(screen()).contains("  1) v1", "  2) v2");
  }

  @Test
  void input_asks_again_when_empty_without_default() throws IOException {
    TerminalConsole console = typing("\nshop\n\n");

    assertThat(console.input("Project name")).isEqualTo("shop");
    assertThat(console.input("Branch", "main")).isEqualTo("main");
  }

  @Test
  void password_is_not_echoed_and_stays_secret() throws IOException {
    TerminalConsole console = typing("hunter2\n");

    var secret = console.password("Sudo password");

    assertThat(secret.reveal()).isEqualTo("hunter2");
    assertThat(secret.toString()).doesNotContain("hunter2");
    assertThat(screen()).contains("Sudo password: ").doesNotContain("hunter2");
  }

  @Test
  void input_that_ends_before_an_answer_names_the_question() throws IOException {
    TerminalConsole console = typing("");

    assertThatThrownBy(() -> console.confirm("Deploy to production?"))
        .isInstanceOf(UnansweredQuestionException.class)
        .hasMessageContaining("Deploy to production?")
        .hasMessageContaining("input ended");
  }

  @Test
  void non_interactive_console_takes_defaults_and_says_so() {
    TerminalConsole console = TerminalConsole.nonInteractive(screen, false);

    assertThat(console.confirm("Continue?", true)).isTrue();
    assertThat(console.choice("Version?", List.of("v1", "v2"), "v1")).isEqualTo("v1");
    assertThat(console.input("Branch", "main")).isEqualTo("main");
    assertThat(screen()).contains("Continue? [Y/n] true (non-interactive: default)",
        "Branch [main]: main (non-interactive: default)");
  }

  @Test
  void non_interactive_question_without_default_is_an_error_naming_it() {
    TerminalConsole console = TerminalConsole.nonInteractive(screen, false);

    assertThatThrownBy(() -> console.choice("Which database?", List.of("pg", "mysql")))
        .isInstanceOf(UnansweredQuestionException.class)
        .hasMessage("Cannot answer \"Which database?\": it has no default and the console is non-interactive");
    assertThatThrownBy(() -> console.password("Sudo password"))
        .hasMessageContaining("Sudo password");
  }

  @Test
  void assume_yes_answers_every_confirmation_without_reading() {
    TerminalConsole console = TerminalConsole.nonInteractive(screen, true);

    assertThat(console.confirm("Deploy to production?")).isTrue();
    assertThat(screen()).contains("Deploy to production? yes (--yes)");
  }

  @Test
  void warning_and_progress_are_plain_lines_on_a_dumb_terminal() {
    TerminalConsole console = TerminalConsole.nonInteractive(screen, false);

    console.warning("no health check configured");
    try (Progress progress = console.progress("Uploading", 2)) {
      progress.step();
      progress.step();
    }
    try (HostStatus status = console.hostStatus(List.of("web-1", "web-2"))) {
      status.update("web-2", "restarted");
    }

    assertThat(screen().lines()).containsExactly(
        "Warning: no health check configured",
        "Uploading: 1/2", "Uploading: 2/2", "Uploading: done (2/2)",
        "web-2: restarted");
  }

  @Test
  void progress_is_a_bar_and_host_status_is_redrawn_on_an_ansi_terminal() throws IOException {
    var terminal = new DumbTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]), screen,
        StandardCharsets.UTF_8);
    TerminalConsole console = TerminalConsole.interactive(terminal);

    try (Progress progress = console.progress("Uploading", 2)) {
      progress.step();
    }
    try (HostStatus status = console.hostStatus(List.of("web-1", "web-2"))) {
      status.update("web-2", "restarted");
    }

    assertThat(screen()).contains("\rUploading [" + ".".repeat(30) + "] 0/2",
        "\rUploading [" + "#".repeat(15) + ".".repeat(15) + "] 1/2",
        "web-1  waiting", "\u001b[2A", "web-2  restarted");
  }
}
