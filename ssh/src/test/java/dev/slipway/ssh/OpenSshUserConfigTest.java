package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Host;
import dev.slipway.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SshHost.builder("web1").build()} against OpenSSH with nothing but a temporary home's
 * {@code ~/.ssh}: config, default keys, an ssh-agent started by the test, known_hosts.
 */
@RequiresOpenSsh
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenSshUserConfigTest {
  static OpenSshFixture sshd;

  @TempDir
  Path home;
  Path dotSsh;

  @BeforeAll
  static void setUp() {
    sshd = OpenSshFixture.start("userconfig");
  }

  @AfterAll
  static void tearDown() {
    if (sshd != null) {
      sshd.close();
    }
  }

  @BeforeEach
  void knownHosts() throws IOException {
    dotSsh = Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(dotSsh.resolve("known_hosts"), sshd.server.knownHostsLine() + "\n");
  }

  private void config(String... lines) throws IOException {
    Files.writeString(dotSsh.resolve("config"), String.join("\n", lines) + "\n");
  }

  private List<String> web1(String... more) {
    List<String> lines = new ArrayList<>(List.of("Host web1", "  HostName " + sshd.server.address(),
        "  Port " + sshd.server.port(), "  User " + sshd.account.name()));
    lines.addAll(List.of(more));
    return lines;
  }

  private Path copyKey(String name) throws IOException {
    Path key = Files.copy(sshd.server.clientKey(), dotSsh.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(Path.of(sshd.server.clientKey() + ".pub"), Path.of(key + ".pub"), StandardCopyOption.REPLACE_EXISTING);
    return key;
  }

  @Test
  void an_alias_of_the_user_config_connects_with_no_other_setting() throws IOException {
    copyKey("web1_key");
    config(web1("  IdentityFile ~/.ssh/%h_%r_key").toArray(String[]::new));
    Files.move(dotSsh.resolve("web1_key"), dotSsh.resolve(sshd.server.address() + "_" + sshd.account.name() + "_key"));

    try (Host host = SshHost.builder("web1").home(home).build()) {
      assertThat(host.run("id -un").stdout().strip()).isEqualTo(sshd.account.name());
    }
  }

  @Test
  void the_home_directory_defaults_to_user_home() throws IOException {
    copyKey("id_ed25519");
    config(web1().toArray(String[]::new));
    String before = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try (Host host = SshHost.builder("web1").build()) {
      assertThat(host.run("echo reached").stdout()).isEqualTo("reached\n");
    } finally {
      System.setProperty("user.home", before);
    }
  }

  @Test
  void a_default_key_file_is_used_when_the_config_names_none() throws IOException {
    copyKey("id_ecdsa");
    config(web1().toArray(String[]::new));

    try (Host host = SshHost.builder("web1").home(home).build()) {
      assertThat(host.run("echo by-default-key").stdout()).isEqualTo("by-default-key\n");
    }
  }

  @Test
  void an_agent_alone_is_enough() throws Exception {
    Path socket = home.resolve("agent.sock");
    Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
    try {
      awaitFile(socket);
      Path key = Files.copy(sshd.server.clientKey(), home.resolve("agent-key"));
      run(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", key.toString());
      Files.delete(key);
      config(web1("  IdentityAgent " + socket).toArray(String[]::new));

      try (Host host = SshHost.builder("web1").home(home).build()) {
        assertThat(host.run("echo through-the-agent").stdout()).isEqualTo("through-the-agent\n");
      }
    } finally {
      agent.destroy();
    }
  }

  @Test
  void an_encrypted_key_without_a_terminal_is_skipped_with_a_clear_message() throws Exception {
    Path key = dotSsh.resolve("id_ed25519");
    run(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "pass-phrase-1", "-f", key.toString());
    config(web1("  IdentityAgent none").toArray(String[]::new));

    try (Host host = SshHost.builder("web1").home(home).build()) {
      assertThatThrownBy(() -> host.run("true"))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("web1")
          .hasMessageContaining("skipped " + key + " (encrypted, no passphrase: not interactive)")
          .hasMessageNotContaining("pass-phrase-1");
    }
  }

  @Test
  void an_encrypted_key_is_unlocked_by_the_passphrase_prompt() throws Exception {
    Path key = dotSsh.resolve("id_ed25519");
    run(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "pass-phrase-2", "-f", key.toString());
    Files.writeString(sshd.server.knownHosts().resolveSibling("authorized_keys"),
        Files.readString(Path.of(key + ".pub")), StandardOpenOption.APPEND);
    config(web1("  IdentityAgent none").toArray(String[]::new));
    List<Path> asked = new ArrayList<>();

    try (Host host = SshHost.builder("web1").home(home).passphrasePrompt(file -> {
      asked.add(file);
      return Optional.of(Secret.of("pass-phrase-2"));
    }).build()) {
      assertThat(host.run("echo unlocked").stdout()).isEqualTo("unlocked\n");
      assertThat(asked).containsExactly(key);
    }
  }

  @Test
  void strict_host_key_checking_no_is_refused_with_the_file_and_line() throws IOException {
    copyKey("id_ed25519");
    List<String> lines = web1("  StrictHostKeyChecking no");
    config(lines.toArray(String[]::new));

    assertThatThrownBy(() -> SshHost.builder("web1").home(home).build())
        .isInstanceOf(SshConfigException.class)
        .hasMessageContaining(dotSsh.resolve("config") + ":" + lines.size())
        .hasMessageContaining("'StrictHostKeyChecking no' is refused");
  }

  @Test
  void accept_new_from_the_config_records_the_key_in_the_user_known_hosts_file() throws IOException {
    copyKey("id_ed25519");
    Path recorded = home.resolve("recorded_hosts");
    config(web1("  StrictHostKeyChecking accept-new", "  UserKnownHostsFile ~/recorded_hosts").toArray(String[]::new));

    try (Host host = SshHost.builder("web1").home(home).build()) {
      host.run("true");
    }
    assertThat(Files.readString(recorded)).contains("[" + sshd.server.address() + "]:" + sshd.server.port());
  }

  @Test
  void proxy_jump_and_include_from_the_config() throws IOException {
    copyKey("id_ed25519");
    Files.writeString(dotSsh.resolve("jump.conf"), String.join("\n", "Host bastion", "  HostName "
        + sshd.server.address(), "  Port " + sshd.server.port(), "  User " + sshd.account.name(), ""));
    List<String> lines = new ArrayList<>(List.of("Include ~/.ssh/*.conf"));
    lines.addAll(web1("  ProxyJump bastion"));
    config(lines.toArray(String[]::new));
    int before = sshd.server.connectionsAccepted();

    try (Host host = SshHost.builder("web1").home(home).build()) {
      assertThat(host.run("echo jumped").stdout()).isEqualTo("jumped\n");
    }
    assertThat(sshd.server.connectionsAccepted() - before).isEqualTo(2);
  }

  @Test
  void code_wins_over_the_config() throws IOException {
    config("Host web1", "  HostName 192.0.2.1", "  Port 1", "  User nobody-here");

    try (Host host = SshHost.builder("web1").home(home).address(sshd.server.address()).port(sshd.server.port())
        .user(sshd.account.name()).identity(sshd.server.clientKey()).build()) {
      assertThat(host.run("echo explicit").stdout()).isEqualTo("explicit\n");
    }
  }

  @Test
  void when_every_key_fails_the_error_lists_what_was_tried() throws IOException {
    run(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dotSsh.resolve("id_rsa").toString());
    config(web1("  IdentityAgent none").toArray(String[]::new));

    try (Host host = SshHost.builder("web1").home(home).build()) {
      assertThatThrownBy(() -> host.run("true"))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("publickey (" + dotSsh.resolve("id_rsa") + ")");
    }
  }

  private static void awaitFile(Path file) throws InterruptedException {
    while (!Files.exists(file)) {
      Thread.sleep(10);
    }
  }

  private static void run(Map<String, String> env, String... command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(env);
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
