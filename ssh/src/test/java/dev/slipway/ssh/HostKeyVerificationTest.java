package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyVerificationTest {
  @TempDir
  static Path servers;
  static EmbeddedSshServer server;
  static EmbeddedSshServer impostor;

  @TempDir
  Path dir;

  @BeforeAll
  static void startServers() {
    server = EmbeddedSshServer.start(servers.resolve("real"));
    impostor = EmbeddedSshServer.start(servers.resolve("impostor"));
  }

  @AfterAll
  static void stopServers() {
    server.close();
    impostor.close();
  }

  @Test
  void an_unknown_host_is_refused_with_the_offered_fingerprint() throws Exception {
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
    try (Host host = server.host("web-1").knownHosts(knownHosts).build()) {
      assertThatThrownBy(() -> host.run("true"))
          .isInstanceOf(UnknownHostKeyException.class)
          .hasMessageContaining("web-1")
          .hasMessageContaining("[127.0.0.1]:" + server.port())
          .hasMessageContaining(fingerprint(server.knownHosts()))
          .hasMessageContaining("acceptNewHostKeys()");
    }
    assertThat(knownHosts).isEmptyFile();
  }

  @Test
  void accept_new_records_an_unknown_key_then_verifies_it_strictly() throws Exception {
    Path knownHosts = dir.resolve("ssh/known_hosts");
    try (Host host = server.host("web-1").knownHosts(knownHosts).acceptNewHostKeys().build()) {
      host.run("true");
    }
    assertThat(Files.readString(knownHosts)).startsWith("[127.0.0.1]:" + server.port() + " ");
    try (Host host = server.host("web-1").knownHosts(knownHosts).build()) {
      assertThat(host.run("echo strict").stdout()).isEqualTo("strict\n");
    }
  }

  @Test
  void a_changed_key_is_refused_even_with_accept_new_showing_both_fingerprints() throws Exception {
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"), Files.readString(server.knownHosts()));
    try (Host host = impostorPosingAs(server, knownHosts).acceptNewHostKeys().build()) {
      assertThatThrownBy(() -> host.run("true"))
          .isInstanceOf(HostKeyMismatchException.class)
          .hasMessageContaining("web-1")
          .hasMessageContaining("expects " + fingerprint(server.knownHosts()))
          .hasMessageContaining("offered " + fingerprint(impostor.knownHosts()))
          .satisfies(e -> assertThat(((HostKeyMismatchException) e).expectedFingerprints())
              .containsExactly(fingerprint(server.knownHosts())));
    }
  }

  @Test
  void a_hashed_known_hosts_entry_is_recognised() throws Exception {
    String[] line = Files.readString(server.knownHosts()).strip().split(" ");
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"), hashed(line[0]) + " " + line[1] + " " + line[2] + "\n");
    try (Host host = server.host("web-1").knownHosts(knownHosts).build()) {
      assertThat(host.run("echo hashed").stdout()).isEqualTo("hashed\n");
    }
  }

  @Test
  void trusting_any_key_must_be_asked_for_by_name_and_records_nothing() throws Exception {
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
    try (Host host = server.host("web-1").knownHosts(knownHosts).insecureTrustAnyHostKeyNotForProduction().build()) {
      assertThat(host.run("echo trusted").stdout()).isEqualTo("trusted\n");
    }
    assertThat(knownHosts).isEmptyFile();
  }

  // The impostor listens on another port; known_hosts entries are per port, so the test copies
  // the real server's entry to the impostor's port.
  private static SshHost.Builder impostorPosingAs(EmbeddedSshServer real, Path knownHosts) throws Exception {
    String entry = Files.readString(real.knownHosts()).replace(":" + real.port() + " ", ":" + impostor.port() + " ");
    Files.writeString(knownHosts, entry);
    return impostor.host("web-1").knownHosts(knownHosts);
  }

  static String fingerprint(Path knownHosts) throws Exception {
    byte[] key = Base64.getDecoder().decode(Files.readString(knownHosts).strip().split(" ")[2]);
    return "SHA256:" + Base64.getEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
  }

  private static String hashed(String hostName) throws Exception {
    byte[] salt = new byte[20];
    new SecureRandom().nextBytes(salt);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(salt, "HmacSHA1"));
    byte[] hash = mac.doFinal(hostName.getBytes(StandardCharsets.UTF_8));
    return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash);
  }
}
