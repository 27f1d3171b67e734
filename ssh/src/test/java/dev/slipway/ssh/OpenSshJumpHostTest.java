package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.spi.Transport;
import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target sshd the client can reach only through a jump host. Both run in a network namespace
 * made for the test: the jump host listens on the namespace's end of a veth pair, the target on
 * the namespace's own loopback. From the test's namespace the target address {@code 127.0.0.1}
 * is this machine's loopback, where the target does not listen, so only the jump host's
 * {@code direct-tcpip} can reach it. (Binding the target to 127.0.0.2 would not prove that: the
 * test could reach it directly too.)
 */
@RequiresOpenSsh
class OpenSshJumpHostTest {
  private static final long ID = ProcessHandle.current().pid() % 200;
  private static final String NAMESPACE = "slipway-jump-" + ProcessHandle.current().pid();
  private static final String VETH = "slwj" + ProcessHandle.current().pid();
  private static final String JUMP_ADDRESS = "10.213." + ID + ".2";

  static OpenSshServer jump;
  static OpenSshServer target;
  static LocalAccount deploy;
  static Path knownHosts;

  @TempDir
  Path dir;

  @BeforeAll
  static void setUp() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
        "jump host tests skipped: no ip command (apt-get install -y iproute2)");
    createNamespace();
    jump = OpenSshServer.in(Path.of("target", "openssh", "jump")).networkNamespace(NAMESPACE)
        .listenAddress(JUMP_ADDRESS).start();
    target = OpenSshServer.in(Path.of("target", "openssh", "behind-jump")).networkNamespace(NAMESPACE).start();
    deploy = LocalAccount.create("slwjmp");
    knownHosts = Files.createTempFile(Path.of("target"), "jump-known_hosts", "");
    Files.writeString(knownHosts, Files.readString(jump.knownHosts()) + Files.readString(target.knownHosts()));
  }

  @AfterAll
  static void tearDown() throws IOException {
    for (AutoCloseable resource : new AutoCloseable[] {target, jump, deploy}) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException("cleanup failed", e);
      }
    }
    ip("link", "del", VETH + "a");
    ip("netns", "del", NAMESPACE);
    if (knownHosts != null) {
      Files.deleteIfExists(knownHosts);
    }
  }

  private static SshHost.Builder behindJump(String name) {
    return SshHost.builder(name).address("127.0.0.1").port(target.port()).user(deploy.name())
        .identity(jump.clientKey()).identity(target.clientKey()).knownHosts(knownHosts)
        .connectTimeout(Duration.ofSeconds(3));
  }

  @Test
  void the_target_is_reached_through_the_jump_host() {
    int jumpBefore = jump.connectionsAccepted();
    int targetBefore = target.connectionsAccepted();
    try (Host host = behindJump("app-1").jumpHost(deploy.name() + "@" + JUMP_ADDRESS + ":" + jump.port()).build()) {
      assertThat(host.run("echo behind").stdout()).isEqualTo("behind\n");
      host.write("/tmp/slipway-jump-" + deploy.name(), new byte[] {42}, 0600);
      assertThat(host.unwrap(Transport.class).orElseThrow().read("/tmp/slipway-jump-" + deploy.name())).containsExactly(42);
      host.delete("/tmp/slipway-jump-" + deploy.name());
    }
    assertThat(jump.connectionsAccepted() - jumpBefore).isEqualTo(1);
    assertThat(target.connectionsAccepted() - targetBefore).isEqualTo(1);
  }

  @Test
  void a_chain_of_jump_hosts_is_followed_nearest_first() {
    int jumpBefore = jump.connectionsAccepted();
    String hop = deploy.name() + "@" + JUMP_ADDRESS + ":" + jump.port();
    // The second hop is the same server, reached from itself: two jump connections, one target.
    try (Host host = behindJump("app-1").jumpHost(hop).jumpHost(hop).build()) {
      assertThat(host.run("echo chained").stdout()).isEqualTo("chained\n");
    }
    assertThat(jump.connectionsAccepted() - jumpBefore).isEqualTo(2);
  }

  @Test
  void without_the_jump_host_the_target_is_unreachable() {
    try (Host host = behindJump("app-1").build()) {
      assertThatThrownBy(() -> host.run("true")).isInstanceOf(HostUnreachableException.class);
    }
  }

  @Test
  void proxy_jump_from_an_ssh_config_is_followed() throws IOException {
    Path config = Files.writeString(dir.resolve("config"), String.join("\n",
        "Host bastion",
        "  HostName " + JUMP_ADDRESS,
        "  Port " + jump.port(),
        "Host app",
        "  HostName 127.0.0.1",
        "  Port " + target.port(),
        "  User " + deploy.name(),
        "  ProxyJump bastion",
        "  IdentityFile " + jump.clientKey().toAbsolutePath(),
        "  IdentityFile " + target.clientKey().toAbsolutePath(),
        ""));
    try (Host host = SshHost.builder("app").sshConfig(config).knownHosts(knownHosts).build()) {
      assertThat(host.run("echo configured").stdout()).isEqualTo("configured\n");
    }
  }

  private static void createNamespace() {
    ip("netns", "add", NAMESPACE);
    ip("link", "add", VETH + "a", "type", "veth", "peer", "name", VETH + "b");
    ip("link", "set", VETH + "b", "netns", NAMESPACE);
    ip("addr", "add", "10.213." + ID + ".1/30", "dev", VETH + "a");
    ip("link", "set", VETH + "a", "up");
    ip("netns", "exec", NAMESPACE, "ip", "addr", "add", JUMP_ADDRESS + "/30", "dev", VETH + "b");
    ip("netns", "exec", NAMESPACE, "ip", "link", "set", VETH + "b", "up");
    ip("netns", "exec", NAMESPACE, "ip", "link", "set", "lo", "up");
  }

  private static void ip(String... args) {
    try {
      Process process = new ProcessBuilder(concat("ip", args)).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0 && !args[1].equals("del")) {
        throw new IllegalStateException("ip " + String.join(" ", args) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> concat(String first, String... rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }
}
