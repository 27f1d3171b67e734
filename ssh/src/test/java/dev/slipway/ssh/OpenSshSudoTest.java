package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.spi.internal.ShellRenderer;
import dev.slipway.ssh.testing.LocalAccount;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * sudo over SSH against OpenSSH, with a throw-away account whose sudoers rules ask for its
 * password to become root and ask nothing to become nobody.
 */
@RequiresOpenSsh
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenSshSudoTest {
  static OpenSshFixture sshd;
  static LocalAccount deploy;

  @BeforeAll
  static void setUp() {
    sshd = OpenSshFixture.start("sudo");
    deploy = sshd.account.allowSudo("ALL=(root) ALL", "ALL=(nobody) NOPASSWD: ALL");
  }

  @AfterAll
  static void tearDown() {
    if (sshd != null) {
      sshd.close();
    }
  }

  private static SshHost.Builder host() {
    return sshd.host("db-1");
  }

  @Test
  void the_sudo_password_is_sent_when_asked_and_the_prompt_is_not_reported() {
    try (Host host = host().sudoPassword(Secret.of(deploy.password())).build()) {
      CommandResult result = host.as("root").run("id -un; echo to-stderr >&2");

      assertThat(result.stdout()).isEqualTo("root\n");
      assertThat(result.stderr()).isEqualTo("to-stderr\n").doesNotContain(ShellRenderer.SUDO_PROMPT);
    }
  }

  @Test
  void with_a_pty_the_password_is_answered_on_the_terminal_and_never_echoed() {
    try (Host host = host().sudoPassword(Secret.of(deploy.password())).build()) {
      CommandResult result = host.as("root").run(Command.shell("id -un; test -t 0 && echo on-a-tty").withPty());

      assertThat(result.stdout()).contains("root").contains("on-a-tty")
          .doesNotContain(deploy.password()).doesNotContain(ShellRenderer.SUDO_PROMPT);
      assertThat(result.stderr()).doesNotContain(deploy.password());
    }
  }

  @Test
  void stdin_and_secret_arguments_follow_the_password_to_the_command() {
    try (Host host = host().sudoPassword(Secret.of(deploy.password())).build()) {
      CommandResult result = host.as("root").run(
          Command.format("printf '%%s+' %s; cat", Secret.of("s3cret-token")).withStdin("payload"));

      assertThat(result.stdout()).isEqualTo(Secret.MASK + "+payload");
    }
  }

  @Test
  void a_wrong_sudo_password_is_a_clear_error_without_the_password() {
    try (Host host = host().sudoPassword(Secret.of("not-the-password")).build()) {
      assertThatThrownBy(() -> host.as("root").run(Command.shell("cat").withStdin("must not be tried as a password")))
          .isInstanceOf(SudoPasswordException.class)
          .hasMessageContaining("db-1")
          .hasMessageContaining("rejected the sudo password")
          .hasMessageNotContaining("not-the-password")
          .hasMessageNotContaining("must not be tried");
      assertThat(host.run("echo usable").stdout()).isEqualTo("usable\n");
    }
  }

  @Test
  void a_wrong_sudo_password_on_a_pty_is_a_clear_error_not_a_hang() {
    try (Host host = host().sudoPassword(Secret.of("not-the-password")).build()) {
      assertThatThrownBy(() -> host.as("root").run(Command.shell("id -un").withPty()))
          .isInstanceOf(SudoPasswordException.class)
          .hasMessageContaining("rejected the sudo password")
          .hasMessageNotContaining("not-the-password");
    }
  }

  @Test
  void a_nopasswd_rule_needs_no_password_with_or_without_one_configured() {
    try (Host without = host().build(); Host with = host().sudoPassword(Secret.of(deploy.password())).build()) {
      assertThat(without.as("nobody").run("id -un").stdout()).isEqualTo("nobody\n");
      assertThat(with.as("nobody").run(Command.shell("id -un; cat").withStdin("in")).stdout()).isEqualTo("nobody\nin");
    }
  }

  @Test
  void sudo_asking_for_a_password_that_was_not_configured_says_how_to_give_one() {
    try (Host host = host().build()) {
      assertThatThrownBy(() -> host.as("root").run("id -un"))
          .isInstanceOf(SudoPasswordException.class)
          .hasMessageContaining("db-1")
          .hasMessageContaining("sudoPassword(...)");
    }
  }

  @Test
  void neither_secrets_nor_the_sudo_password_appear_in_the_process_list() throws Exception {
    String token = "tok-" + System.nanoTime();
    try (Host host = host().sudoPassword(Secret.of(deploy.password())).build()) {
      CompletableFuture<CommandResult> plain = CompletableFuture.supplyAsync(() ->
          host.run(Command.format("sleep 2.31; test -n %s", Secret.of(token))));
      CompletableFuture<CommandResult> sudo = CompletableFuture.supplyAsync(() ->
          host.as("root").run(Command.format("sleep 2.32; test -n %s", Secret.of(token))));

      List<String> seen = ProcessList.sampleWhile(() -> !plain.isDone() || !sudo.isDone());

      assertThat(plain.get().exitStatus()).isZero();
      assertThat(sudo.get().exitStatus()).isZero();
      assertThat(seen).anyMatch(line -> line.contains("sleep 2.31")).anyMatch(line -> line.contains("sleep 2.32"));
      assertThat(seen).noneMatch(line -> line.contains(token) || line.contains(deploy.password()));
    }
  }
}
