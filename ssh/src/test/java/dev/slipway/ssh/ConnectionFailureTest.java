package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.slipway.Host;
import dev.slipway.Secret;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionFailureTest {
  @TempDir
  static Path serverDir;
  static EmbeddedSshServer server;

  @TempDir
  Path dir;

  @BeforeAll
  static void startServer() {
    server = EmbeddedSshServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void a_refused_key_names_the_host_and_the_methods_tried() throws Exception {
    Path stranger = newKey(dir.resolve("stranger"), null);
    try (Host host = SshHost.builder("web-2").address(server.address()).port(server.port()).user("deploy")
        .identity(stranger).knownHosts(server.knownHosts()).build()) {
      assertThatThrownBy(() -> host.run("true"))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("web-2")
          .hasMessageContaining("deploy@127.0.0.1:" + server.port())
          .hasMessageContaining("publickey (" + stranger + ")");
    }
  }

  @Test
  void a_target_with_user_and_port_connects_there_under_its_host_name() throws Exception {
    Path stranger = newKey(dir.resolve("stranger"), null);
    try (Host host = SshHost.builder("deploy@127.0.0.1:" + server.port())
        .identity(stranger).knownHosts(server.knownHosts()).build()) {
      assertThat(host.name()).isEqualTo("127.0.0.1");
      assertThatThrownBy(() -> host.run("true"))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("deploy@127.0.0.1:" + server.port());
    }
  }

  @Test
  void a_target_whose_port_is_not_a_number_is_refused_at_once() {
    assertThatThrownBy(() -> SshHost.builder("deploy@web1:ssh"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not [user@]host[:port]: deploy@web1:ssh");
  }

  @Test
  void a_refused_password_is_listed_as_tried_but_never_shown() throws Exception {
    Path stranger = newKey(dir.resolve("stranger"), null);
    try (Host host = SshHost.builder("web-2").address(server.address()).port(server.port()).user("deploy")
        .identity(stranger).password(Secret.of("hunter2-login")).knownHosts(server.knownHosts()).build()) {
      assertThatThrownBy(() -> host.run("true"))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("password")
          .hasMessageNotContaining("hunter2-login")
          .satisfies(e -> assertThat(((AuthenticationFailedException) e).methodsTried())
              .containsExactly("publickey (" + stranger + ")", "password"));
    }
  }

  @Test
  void a_key_with_a_passphrase_is_unlocked_and_the_passphrase_never_shown() throws Exception {
    Path key = newKey(dir.resolve("locked"), "correct horse");
    Files.writeString(serverDir.resolve("authorized_keys"), Files.readString(dir.resolve("locked.pub")),
        StandardOpenOption.APPEND);
    try (Host host = SshHost.builder("web-3").address(server.address()).port(server.port())
        .identity(key, Secret.of("correct horse")).knownHosts(server.knownHosts()).build()) {
      assertThat(host.run("echo unlocked").stdout()).isEqualTo("unlocked\n");
    }
  }

  @Test
  void a_closed_port_is_reported_as_unreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (Host host = server.host("web-4").port(closedPort).build()) {
      assertThatThrownBy(() -> host.run("true"))
          .isInstanceOf(HostUnreachableException.class)
          .hasMessageContaining("web-4")
          .hasMessageContaining("127.0.0.1:" + closedPort);
    }
  }

  @Test
  void a_server_that_never_speaks_ssh_times_out() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
         Host host = server.host("web-5").port(silent.getLocalPort()).connectTimeout(Duration.ofMillis(300)).build()) {
      assertThatThrownBy(() -> host.run("true"))
          .isInstanceOf(ConnectTimeoutException.class)
          .hasMessageContaining("web-5")
          .hasMessageContaining("300 ms");
    }
  }

  @Test
  void an_ssh_config_alias_gives_address_port_user_and_key() throws Exception {
    Path config = Files.writeString(dir.resolve("config"), String.join("\n",
        "Host web-6",
        "  HostName " + server.address(),
        "  Port " + server.port(),
        "  User " + System.getProperty("user.name"),
        "  IdentityFile " + server.clientKey(),
        ""), StandardCharsets.UTF_8);
    try (Host host = SshHost.builder("web-6").sshConfig(config).knownHosts(server.knownHosts()).build()) {
      assertThat(host.run("echo configured").stdout()).isEqualTo("configured\n");
    }
  }

  private static Path newKey(Path file, String passphrase) throws Exception {
    KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
    if (passphrase == null) {
      key.writePrivateKey(file.toString());
    } else {
      key.writePrivateKey(file.toString(), passphrase.getBytes(StandardCharsets.UTF_8));
    }
    key.writePublicKey(file + ".pub", "test");
    return file;
  }
}
