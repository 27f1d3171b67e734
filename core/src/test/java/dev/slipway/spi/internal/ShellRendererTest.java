package dev.slipway.spi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.HostContext;
import dev.slipway.Secret;
import dev.slipway.internal.Quoting;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShellRendererTest {

  @Test
  void a_command_without_context_is_sent_as_written() {
    ShellRenderer.Rendered rendered = ShellRenderer.render(Command.cmd("ls", "-1", "/srv/my app"), HostContext.NONE,
        false);

    assertThat(rendered.script()).isEqualTo("ls -1 '/srv/my app'");
    assertThat(rendered.stdin()).isEmpty();
  }

  @Test
  void renders_cd_then_export_then_prefixes_then_the_command() {
    HostContext context = HostContext.NONE.cd("/srv/app").cd("current").env("MODE", "it's prod").env("N", "1")
        .prefix("source venv/bin/activate").prefix("umask 022");

    String script = ShellRenderer.render(Command.shell("python3 manage.py migrate"), context, false).script();

    assertThat(script).isEqualTo("cd /srv/app/current && export MODE='it'\"'\"'s prod' N=1"
        + " && source venv/bin/activate && umask 022 && {\npython3 manage.py migrate\n}");
  }

  @Test
  void a_user_wraps_everything_in_sudo_sh_c() {
    HostContext context = HostContext.NONE.cd("/srv").env("A", "1").as("deploy");

    String script = ShellRenderer.render(Command.shell("whoami"), context, false).script();

    assertThat(script).isEqualTo("sudo -n -u deploy -H -- sh -c "
        + Quoting.quote("cd /srv && export A=1 && {\nwhoami\n}"));
  }

  @Test
  void sudo_asks_for_a_password_on_stdin_with_a_known_prompt_when_the_transport_has_one() {
    String script = ShellRenderer.render(Command.shell("id"), HostContext.NONE.as("root"), true).script();

    assertThat(script).startsWith("sudo -S -k -p " + Quoting.quote(ShellRenderer.SUDO_PROMPT) + " -u root -H -- sh -c ");
  }

  @Test
  void secrets_are_read_from_stdin_and_never_appear_in_the_script() {
    Secret token = Secret.of("t0ken 'x'");
    Command command = Command.cmd("curl", "-H", token, "-u", Secret.of("user:pw"), "--again", token);

    ShellRenderer.Rendered rendered = ShellRenderer.render(command, HostContext.NONE.as("deploy"), false);

    assertThat(rendered.script()).doesNotContain("t0ken").doesNotContain("user:pw")
        .contains("IFS= read -r SLIPWAY_SECRET_1 && IFS= read -r SLIPWAY_SECRET_2")
        .contains("curl -H \"$SLIPWAY_SECRET_1\" -u \"$SLIPWAY_SECRET_2\" --again \"$SLIPWAY_SECRET_1\"");
    assertThat(new String(rendered.stdin(), StandardCharsets.UTF_8)).isEqualTo("t0ken 'x'\nuser:pw\n");
    assertThat(rendered.secrets()).hasSize(2);
  }

  @Test
  void a_secret_with_a_newline_is_refused() {
    Command command = Command.cmd("echo", Secret.of("two\nlines"));

    assertThatThrownBy(() -> ShellRenderer.render(command, HostContext.NONE, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newline")
        .hasMessageNotContaining("two");
  }

  @Test
  void secret_variables_come_from_stdin_after_secret_arguments_and_sudo_is_a_typed_field() {
    HostContext context = HostContext.NONE.env("PLAIN", "shown").env("TOKEN", Secret.of("v4lue")).as("deploy");

    ShellRenderer.Rendered rendered = ShellRenderer.render(Command.format("use %s", Secret.of("arg")), context, true);

    assertThat(rendered.script()).doesNotContain("v4lue").doesNotContain("arg\n")
        .contains("IFS= read -r SLIPWAY_SECRET_1 && IFS= read -r TOKEN && export TOKEN");
    assertThat(new String(rendered.stdin(), StandardCharsets.UTF_8)).isEqualTo("arg\nv4lue\n");
    assertThat(rendered.sudo()).hasValueSatisfying(sudo -> {
      assertThat(sudo.user()).isEqualTo("deploy");
      assertThat(sudo.asksPassword()).isTrue();
      assertThat(rendered.script()).isEqualTo(sudo.commandLine());
    });
    assertThat(context.describe()).contains("PLAIN, TOKEN").doesNotContain("v4lue");
  }

  @Test
  void a_plain_variable_replaces_a_secret_one_of_the_same_name_and_back() {
    HostContext context = HostContext.NONE.env("X", Secret.of("s")).env("X", "plain");

    assertThat(context.secretEnv()).isEmpty();
    assertThat(context.env()).containsEntry("X", "plain");
    assertThat(context.env("X", Secret.of("t")).env()).isEmpty();
  }
}
