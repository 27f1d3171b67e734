package dev.slipway.inventory;

import static dev.slipway.inventory.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  @TempDir
  Path dir;
  private Environment prod;

  @BeforeEach
  void inventory() {
    write(dir, "hosts.ini", "[prod]\nweb1\n");
    write(dir, "group_vars/prod.yml", "db_password: from-yaml\ndb_user: shop\nvault_password_file: /etc/vault\nuse_token: true\n");
    prod = Inventory.load(dir.resolve("hosts.ini")).environment("prod");
  }

  @Test
  void should_read_a_secret_from_an_environment_variable() {
    Variables vars = prod.withSecrets(SecretSource.environmentVariables("SHOP_", Map.of("SHOP_DB_PASSWORD", "from-env")))
        .host("web1").vars();

    assertThat(vars.secret("db_password").reveal()).isEqualTo("from-env");
    assertThat(vars.origin("db_password")).isEqualTo("environment variable SHOP_DB_PASSWORD");
  }

  @Test
  void should_read_the_real_process_environment() {
    Map.Entry<String, String> any = System.getenv().entrySet().stream()
        .filter(e -> e.getKey().matches("[A-Z][A-Z0-9_]*") && !e.getValue().isEmpty()).findFirst().orElseThrow();

    Variables vars = prod.withSecrets(SecretSource.environmentVariables("")).host("web1").vars();

    assertThat(vars.secret(any.getKey().toLowerCase()).reveal()).isEqualTo(any.getValue());
  }

  @Test
  void should_read_a_secret_file_only_its_owner_can_read() throws IOException {
    Path secrets = Files.createDirectory(dir.resolve("secrets"));
    ownerOnly(write(secrets, "db_password", "from-file\n"));
    ownerOnly(write(dir, "token.txt", "t0ken"));

    Variables vars = prod.withSecrets(SecretSource.directory(secrets)).withSecrets(SecretSource.file("api_token", dir.resolve("token.txt")))
        .host("web1").vars();

    assertThat(vars.secret("db_password").reveal()).isEqualTo("from-file");
    assertThat(vars.secret("api_token").reveal()).isEqualTo("t0ken");
    assertThat(vars.origin("db_password")).isEqualTo("file " + secrets.resolve("db_password"));
  }

  @Test
  void should_refuse_a_secret_file_readable_by_group_or_others() throws IOException {
    Path file = write(dir, "secrets/db_password", "s3cr3t-value\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Variables vars = prod.withSecrets(SecretSource.directory(dir.resolve("secrets"))).host("web1").vars();

    assertThatThrownBy(() -> vars.secret("db_password"))
        .isInstanceOf(InventoryException.class)
        .hasMessage("secret file " + file + " is too open (rw-r-----): it is accessible by its group or others, so it is not used; "
            + "run chmod 600 " + file)
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void should_ask_the_application_callback() {
    Variables vars = prod.withSecrets(key -> key.equals("db_password") ? Optional.of(Secret.of("from-vault")) : Optional.empty())
        .host("web1").vars();

    assertThat(vars.secret("db_password").reveal()).isEqualTo("from-vault");
    assertThat(vars.secret("db_user").reveal()).isEqualTo("shop");
    assertThat(vars.origin("db_password")).isEqualTo("the application's secret callback");
  }

  @Test
  void a_later_source_wins_and_overrides_win_over_secrets() {
    Environment env = prod.withSecrets(key -> Optional.of(Secret.of("first")).filter(secret -> key.equals("db_password")))
        .withSecrets(SecretSource.environmentVariables("", Map.of("DB_PASSWORD", "second")));

    assertThat(env.host("web1").vars().secret("db_password").reveal()).isEqualTo("second");
    assertThat(env.withOverrides(Map.of("db_password", "third")).host("web1").vars().secret("db_password").reveal()).isEqualTo("third");
  }

  @Test
  void secret_values_are_secrets_wherever_they_are_set_and_plain_reads_are_refused() {
    Variables vars = prod.host("web1").vars();

    assertThat(vars.asMap()).containsEntry("db_password", Secret.of("from-yaml")).containsEntry("db_user", "shop")
        .containsEntry("vault_password_file", "/etc/vault").containsEntry("use_token", true);
    assertThat(vars.get("db_password", Secret.class).reveal()).isEqualTo("from-yaml");
    assertThatThrownBy(() -> vars.get("db_password", String.class))
        .isInstanceOf(VariableException.class)
        .hasMessage("variable db_password for host web1 in environment prod is a secret (from group_vars/prod.yml line 1): "
            + "read it with secret(\"db_password\") or get(\"db_password\", Secret.class)");
    assertThat(prod.masker().mask("postgres://shop:from-yaml@db")).isEqualTo("postgres://shop:[REDACTED]@db");
    assertThat(vars.get("db_user", Secret.class).reveal()).isEqualTo("shop");
    assertThat(prod.masker().mask("postgres://shop:from-yaml@db")).isEqualTo("postgres://[REDACTED]:[REDACTED]@db");
  }

  @Test
  void vault_encrypted_values_and_files_are_left_out_for_a_secret_source_to_provide() {
    write(dir, "group_vars/all/vault.yml", "$ANSIBLE_VAULT;1.1;AES256\n62313365396662343061393464336163383764373764613633653634306231386433626436623361\n");
    write(dir, "group_vars/all/vars.yml", "api_key: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6231336539\nregion: eu\n");
    Environment env = Inventory.load(dir.resolve("hosts.ini")).environment("prod");

    assertThat(env.host("web1").vars().contains("api_key")).isFalse();
    assertThat(env.host("web1").vars().get("region", String.class)).isEqualTo("eu");
    assertThat(env.withSecrets(SecretSource.environmentVariables("", Map.of("API_KEY", "k3y"))).host("web1").vars()
        .secret("api_key").reveal()).isEqualTo("k3y");
  }

  @Test
  void the_ansible_password_becomes_the_connection_password() {
    write(dir, "hosts.ini", "[prod]\nweb1 ansible_password=pw-123 ansible_become_user=root\n");

    Connection connection = Inventory.load(dir.resolve("hosts.ini")).host("web1").connection();

    assertThat(connection.password()).contains(Secret.of("pw-123"));
    assertThat(connection.options()).containsEntry("ansible_become_user", "root");
    assertThat(connection.toString()).doesNotContain("pw-123");
  }

  @Test
  void the_masker_hides_every_registered_value_longest_first_and_each_line_of_a_key() {
    SecretMasker masker = SecretMasker.create();
    masker.register(Secret.of("abc"));
    masker.register(Secret.of("abcdef"));
    masker.register(Secret.of("1"));
    masker.register(Secret.of("-----BEGIN KEY-----\nMIIEvQIBADANBg\n-----END KEY-----\n"));

    assertThat(masker.mask("x abcdef y abc 1")).isEqualTo("x [REDACTED] y [REDACTED] 1");
    assertThat(masker.mask("line: MIIEvQIBADANBg")).isEqualTo("line: [REDACTED]");
    assertThat(masker.mask(null)).isNull();
    assertThat(prod.withSecretKeys(java.util.regex.Pattern.compile("nothing")).host("web1").vars().get("db_password", String.class))
        .isEqualTo("from-yaml");
  }

  private static void ownerOnly(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

}
