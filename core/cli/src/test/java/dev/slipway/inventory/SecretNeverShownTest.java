package dev.slipway.inventory;

import static dev.slipway.inventory.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures everything this package prints (slf4j-simple logs to System.err, debug level for this
 * package in simplelogger.properties), every exception message and every toString, and greps it
 * for each secret value.
 */
class SecretNeverShownTest {
  private static final List<String> SECRETS =
      List.of("inline-pw-1234", "yaml-pw-5678", "env-token-9012", "file-key-3456", "callback-7890", "cli-pw-2468");

  @TempDir
  Path dir;

  @Test
  void no_secret_value_appears_in_logs_messages_or_to_strings() throws IOException {
    List<String> shown = new ArrayList<>();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setErr(capture);
      System.setOut(capture);
      exerciseEverything(shown);
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    shown.add(output);

    assertThat(output).contains("DEBUG dev.slipway.inventory", "Variables of host web1", Secret.MASK);
    for (String secret : SECRETS) {
      assertThat(shown).noneMatch(text -> text.contains(secret));
    }
  }

  private void exerciseEverything(List<String> shown) throws IOException {
    write(dir, "hosts.ini", "[prod]\nweb1 ansible_host=192.0.2.1 ansible_password=inline-pw-1234\n");
    write(dir, "group_vars/all.yml", """
        db_password: yaml-pw-5678
        database_url: "postgres://shop:yaml-pw-5678@db/shop"
        keep_releases: 5
        db_password: yaml-pw-5678
        """);
    write(dir, "group_vars/nogroup.yml", "x: 1\n");
    Path key = write(dir, "secrets/signing_key", "file-key-3456\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Environment prod = Inventory.load(dir.resolve("hosts.ini")).environment("prod")
        .withSecrets(SecretSource.environmentVariables("SHOP_", Map.of("SHOP_API_TOKEN", "env-token-9012")))
        .withSecrets(SecretSource.directory(dir.resolve("secrets")))
        .withSecrets(k -> k.equals("vault_secret") ? Optional.of(Secret.of("callback-7890")) : Optional.empty())
        .withExtraVars(List.of("admin_password=cli-pw-2468"));

    InventoryHost web1 = prod.host("web1");
    Variables vars = web1.vars();
    for (String name : List.of("api_token", "signing_key", "vault_secret", "admin_password", "db_password")) {
      shown.add(vars.secret(name).toString());
      shown.add(vars.originWithLine(name));
    }
    shown.add(vars.toString());
    shown.add(vars.asMap().toString());
    shown.add(web1.toString());
    shown.add(web1.connection().toString());
    shown.add(prod.toString());
    shown.add(prod.hosts().toString());
    shown.add(prod.vars().toString());
    shown.add(prod.group("prod").toString());
    for (String name : List.of("api_token", "db_password", "database_url", "signing_key", "nope")) {
      shown.add(messageOf(() -> vars.get(name, Integer.class)));
      shown.add(messageOf(() -> vars.get(name, String.class)));
      shown.add(messageOf(() -> vars.list(name, Integer.class)));
    }
    write(dir, "bad/hosts.ini", "[prod]\nweb1 ansible_password=\"cli-pw-2468\n");
    shown.add(messageOf(() -> Inventory.load(dir.resolve("bad/hosts.ini"))));
    write(dir, "bad2/hosts.yml", "all:\n  vars:\n    db_password: yaml-pw-5678\n   oops: [file-key-3456\n");
    shown.add(messageOf(() -> Inventory.load(dir.resolve("bad2/hosts.yml"))));
    shown.add(messageOf(() -> prod.withExtraVars(List.of("cli-pw-2468"))));
    write(dir, "bad3/hosts.ini", "[prod]\nweb1 ansible_user=deploy inline-pw-1234\n[prod:vars]\nyaml-pw-5678\n");
    shown.add(messageOf(() -> Inventory.load(dir.resolve("bad3/hosts.ini"))));
    write(dir, "bad4/hosts.ini", "[prod:vars]\nyaml-pw-5678\n");
    shown.add(messageOf(() -> Inventory.load(dir.resolve("bad4/hosts.ini"))));
  }

  private static String messageOf(Runnable action) {
    try {
      action.run();
      return "";
    } catch (RuntimeException e) {
      return e.toString() + (e.getCause() == null ? "" : " caused by " + e.getCause());
    }
  }
}
