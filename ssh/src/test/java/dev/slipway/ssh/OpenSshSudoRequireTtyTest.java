package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.spi.internal.ShellRenderer;
import dev.slipway.ssh.testing.LocalAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * sudo on a server whose sudoers says {@code requiretty} for the login user: sudo runs only on a
 * terminal, so the transport asks for one, answers the password there, and still hands the
 * command its stdin unechoed.
 */
@RequiresOpenSsh
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenSshSudoRequireTtyTest {
  static OpenSshFixture sshd;
  static LocalAccount deploy;

  @BeforeAll
  static void setUp() {
    sshd = OpenSshFixture.start("tty");
    deploy = sshd.account.sudoDefaults("requiretty").allowSudo("ALL=(root) ALL", "ALL=(nobody) NOPASSWD: ALL");
  }

  @AfterAll
  static void tearDown() {
    if (sshd != null) {
      sshd.close();
    }
  }

  private static Host host(Secret sudoPassword) {
    return sshd.host("db-2").sudoPassword(sudoPassword).build();
  }

  @Test
  void the_server_really_refuses_sudo_without_a_terminal() {
    try (Host host = sshd.host("db-2").build()) {
      assertThat(host.run("sudo -n -u nobody true 2>&1; echo $?").stdout()).contains("must have a tty").endsWith("1\n");
    }
  }

  @Test
  void the_password_is_answered_on_a_terminal_and_never_shown() {
    try (Host host = host(Secret.of(deploy.password()))) {
      CommandResult result = host.as("root").run("id -un; echo to-stderr >&2");

      assertThat(result.exitStatus()).isZero();
      assertThat(result.stdout() + result.stderr()).contains("root\n").contains("to-stderr\n")
          .doesNotContain(deploy.password()).doesNotContain(ShellRenderer.SUDO_PROMPT);
    }
  }

  @Test
  void stdin_and_secret_arguments_reach_the_command_intact_and_unechoed() {
    String input = "payload\nwith\ttabs, \u0003 and \u0004 control bytes\nand no final newline";
    try (Host host = host(Secret.of(deploy.password()))) {
      CommandResult result = host.as("root").run(
          Command.format("printf '%%s+' %s; cat", Secret.of("s3cret-token")).withStdin(input));

      assertThat(result.stdout()).isEqualTo(Secret.MASK + "+" + input);
    }
  }

  @Test
  void the_password_appears_in_no_event_log_line_or_server_log() {
    List<String> events = new CopyOnWriteArrayList<>();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (Host host = sshd.host("db-2").sudoPassword(Secret.of(deploy.password()))
        .onConnectionEvent(event -> events.add(event.toString())).build()) {
      host.withListener(event -> events.add(event.toString())).as("root").run(Command.shell("id -un").withStdin("x"));
    } finally {
      System.setErr(stderr);
    }

    assertThat(events).anyMatch(event -> event.contains("root")).noneMatch(event -> event.contains(deploy.password()));
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(deploy.password());
    assertThat(sshd.server.log()).contains(deploy.name()).doesNotContain(deploy.password());
  }

  @Test
  void a_wrong_password_is_a_clear_error_not_a_hang() {
    try (Host host = host(Secret.of("not-the-password"))) {
      assertThatThrownBy(() -> host.as("root").run(Command.shell("cat").withStdin("must not be tried as a password")))
          .isInstanceOf(SudoPasswordException.class)
          .hasMessageContaining("db-2")
          .hasMessageContaining("rejected the sudo password")
          .hasMessageNotContaining("not-the-password")
          .hasMessageNotContaining("must not be tried");
      assertThat(host.run("echo usable").stdout()).isEqualTo("usable\n");
    }
  }

  @Test
  void a_nopasswd_rule_runs_on_a_terminal_without_a_password() {
    try (Host host = sshd.host("db-2").build()) {
      assertThat(host.as("nobody").run(Command.shell("id -un; cat").withStdin("in")).stdout()).isEqualTo("nobody\nin");
    }
  }

  @Test
  void the_password_never_appears_in_the_process_list() throws Exception {
    try (Host host = host(Secret.of(deploy.password()))) {
      CompletableFuture<CommandResult> sudo = CompletableFuture.supplyAsync(() -> host.as("root").run("sleep 2.33"));

      List<String> seen = ProcessList.sampleWhile(() -> !sudo.isDone());

      assertThat(sudo.get().exitStatus()).isZero();
      assertThat(seen).anyMatch(line -> line.contains("sleep 2.33"))
          .noneMatch(line -> line.contains(deploy.password()));
    }
  }
}
