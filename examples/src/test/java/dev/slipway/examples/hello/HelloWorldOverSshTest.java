package dev.slipway.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Host;
import dev.slipway.SlipwayException;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Node;
import dev.slipway.ssh.EmbeddedSshServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hello world for real: this machine and an SSH server (Apache MINA SSHD on loopback). */
class HelloWorldOverSshTest {
  @TempDir
  Path dir;

  private EmbeddedSshServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void startServer() {
    server = EmbeddedSshServer.start(dir.resolve("sshd"));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private String target() {
    return System.getProperty("user.name") + "@127.0.0.1:" + server.port();
  }

  private String runMain(String... args) {
    PrintStream console = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      HelloWorld.main(args);
    } finally {
      System.setOut(console);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void says_hello_locally_and_twice_over_one_ssh_connection() {
    try (Host remote = server.host("remote").build()) {
      Node root = HelloWorld.tree(LocalHost.create(), List.of(remote));

      HelloWorld.sayHello(root, List.of("/local_hello", "/remote_hello", "/remote_hello"),
          new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("[local] hello world\n[remote] hello world\n[remote] hello world\n");
    assertThat(server.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void main_says_hello_on_the_host_given_by_target_key_and_known_hosts() {
    String printed = runMain(target(), server.clientKey().toString(), server.knownHosts().toString());

    assertThat(printed).isEqualTo("[local] hello world\n[127.0.0.1] hello world\n");
  }

  @Test
  void main_refuses_a_server_whose_host_key_is_not_known() throws Exception {
    Path emptyKnownHosts = Files.writeString(dir.resolve("known_hosts"), "");

    assertThatThrownBy(() -> runMain(target(), server.clientKey().toString(), emptyKnownHosts.toString()))
        .isInstanceOf(SlipwayException.class)
        .hasMessageContaining("127.0.0.1");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("[" + target() + "]");
  }

  @Test
  void a_target_that_is_not_user_at_address_port_is_refused_with_an_example() {
    assertThatThrownBy(() -> HelloWorld.sshHost("john@host:port", server.clientKey(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'john@host:port'")
        .hasMessageContaining("e.g. john@192.168.0.200:22");
  }
}
