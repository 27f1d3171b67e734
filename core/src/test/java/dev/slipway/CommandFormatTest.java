package dev.slipway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one placeholder syntax: {@code %s} for quoted arguments, and a line without arguments as written. */
class CommandFormatTest {

  @Test
  void a_line_without_arguments_is_sent_as_written() {
    assertThat(Command.format("date +%s").render()).isEqualTo("date +%s");
    assertThat(Command.format("printf '%%s|%d' x").render()).isEqualTo("printf '%%s|%d' x");
    assertThat(Command.format("date +%s")).isEqualTo(Command.shell("date +%s"));
  }

  @Test
  void arguments_fill_the_placeholders_quoted() {
    assertThat(Command.format("echo %s %s", "it's", 7).render()).isEqualTo("echo 'it'\"'\"'s' 7");
  }

  @Test
  void with_arguments_a_doubled_percent_is_one_percent_sign() {
    assertThat(Command.format("printf '%%s:%s' %s", "a", "b").render()).isEqualTo("printf '%s:a' b");
    assertThat(Command.format("echo 100%% %s", "done").render()).isEqualTo("echo 100% done");
  }

  @Test
  void placeholders_and_arguments_must_match_in_number() {
    assertThatThrownBy(() -> Command.format("cp %s %s", "a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more %s than the 1 arguments");
    assertThatThrownBy(() -> Command.format("rm %s", "a", "b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 arguments given");
  }

  @Test
  void a_secret_argument_is_masked_when_shown() {
    Command login = Command.format("login %s", Secret.of("hunter2"));

    assertThat(login.toString()).isEqualTo("login " + Secret.MASK).doesNotContain("hunter2");
    assertThat(login.render()).contains("hunter2");
  }
}
