package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.ConnectionFailedException;
import dev.slipway.Host;
import dev.slipway.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Private keys as users have them, made by {@code ssh-keygen}: OpenSSH and PEM formats, ed25519,
 * ECDSA and RSA, with and without passphrase, each logging in to an embedded MINA SSHD.
 */
class KeyFormatTest {
  private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

  @TempDir
  static Path serverDir;
  static EmbeddedSshServer server;

  @TempDir
  Path dir;

  @BeforeAll
  static void startServer() {
    assumeTrue(Files.isExecutable(SSH_KEYGEN),
        "key format tests skipped: no ssh-keygen (apt-get install -y openssh-client)");
    server = EmbeddedSshServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0} {1}-bit, {2} format, passphrase \"{3}\"")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "ed25519 | 256  | RFC4716 | ''",
      "ed25519 | 256  | RFC4716 | open sesame",
      "ecdsa   | 256  | RFC4716 | ''",
      "ecdsa   | 384  | PEM     | ''",
      "ecdsa   | 521  | PEM     | open sesame",
      "rsa     | 3072 | RFC4716 | open sesame",
      "rsa     | 2048 | PEM     | ''",
      "rsa     | 2048 | PEM     | open sesame",
  })
  void a_key_made_by_ssh_keygen_logs_in(String type, int bits, String format, String passphrase) throws Exception {
    Path key = authorizedKey(type, bits, format, passphrase);
    assertThat(Files.readString(key)).startsWith(format.equals("PEM")
        ? "-----BEGIN " + (type.equals("rsa") ? "RSA" : "EC") + " PRIVATE KEY-----"
        : "-----BEGIN OPENSSH PRIVATE KEY-----");
    SshHost.Builder builder = SshHost.builder("web-" + type).address(server.address()).port(server.port())
        .user(System.getProperty("user.name")).knownHosts(server.knownHosts());
    try (Host host = (passphrase.isEmpty() ? builder.identity(key)
        : builder.identity(key, Secret.of(passphrase))).build()) {
      assertThat(host.run("echo logged in").stdout()).isEqualTo("logged in\n");
    }
  }

  @Test
  void a_wrong_passphrase_names_the_host_and_the_key_but_not_the_passphrase() throws Exception {
    Path key = authorizedKey("ed25519", 256, "RFC4716", "open sesame");
    assertThatThrownBy(() -> server.host("web-8").identity(key, Secret.of("wrong guess")).build().run("true"))
        .isInstanceOf(ConnectionFailedException.class)
        .hasMessageContaining("web-8")
        .hasMessageContaining(key.toString())
        .hasMessageNotContaining("wrong guess");
  }

  /** A new key pair in {@code dir}, its public half added to the server's authorized_keys. */
  private Path authorizedKey(String type, int bits, String format, String passphrase) throws Exception {
    Path key = dir.resolve(type + "-" + format);
    List<String> command = new ArrayList<>(List.of(SSH_KEYGEN.toString(), "-q", "-t", type, "-b",
        String.valueOf(bits), "-m", format, "-N", passphrase, "-C", "slipway-test", "-f", key.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    Files.writeString(serverDir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
        StandardOpenOption.APPEND);
    return key;
  }
}
