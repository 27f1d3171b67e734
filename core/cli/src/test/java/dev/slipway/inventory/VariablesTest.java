package dev.slipway.inventory;

import static dev.slipway.inventory.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariablesTest {
  @TempDir
  Path dir;
  private Environment prod;

  enum Strategy { GIT, ARCHIVE }

  @BeforeEach
  void inventory() {
    write(dir, "hosts.ini", """
        [prod]
        web1 workers=4 strategy=git
        [prod:vars]
        keep_releases=five
        enabled=yes
        """);
    write(dir, "group_vars/all.yml", """
        deploy_to: /srv/shop
        shared_paths: [log, venv]
        ports: [80, "https"]
        limits: {cpu: 2, memory: 1G}
        nothing:
        big: 12345678901
        """);
    prod = Inventory.load(dir.resolve("hosts.ini")).environment("prod")
        .withDefaults(Map.of("timeout", 30))
        .withSecrets(SecretSource.environmentVariables("SHOP_", Map.of()));
  }

  @Test
  void should_convert_to_the_type_asked_for() {
    Variables vars = prod.host("web1").vars();

    assertThat(vars.get("deploy_to", Path.class)).isEqualTo(Path.of("/srv/shop"));
    assertThat(vars.get("workers", Integer.class)).isEqualTo(4);
    assertThat(vars.get("workers", String.class)).isEqualTo("4");
    assertThat(vars.get("timeout", Long.class)).isEqualTo(30L);
    assertThat(vars.get("big", Long.class)).isEqualTo(12345678901L);
    assertThat(vars.get("enabled", Boolean.class)).isTrue();
    assertThat(vars.get("strategy", Strategy.class)).isEqualTo(Strategy.GIT);
    assertThat(vars.list("shared_paths", String.class)).containsExactly("log", "venv");
    assertThat(vars.map("limits")).containsEntry("cpu", 2).containsEntry("memory", "1G");
    assertThat(vars.getOrDefault("missing", Integer.class, 7)).isEqualTo(7);
    assertThat(vars.getOrDefault("nothing", String.class, "fallback")).isEqualTo("fallback");
    assertThat(vars.getOrDefault("workers", Integer.class, 7)).isEqualTo(4);
  }

  @Test
  void a_missing_variable_names_every_layer_and_file_it_was_looked_for_in() {
    VariableException e = catchThrowableOfType(VariableException.class, () -> prod.host("web1").vars().get("deploy_path", Path.class));

    assertThat(e.variable()).isEqualTo("deploy_path");
    assertThat(e).hasMessage("variable deploy_path is not set for host web1 in environment prod; looked in, highest precedence first: "
        + "overrides (-e), secrets: environment variable SHOP_DEPLOY_PATH, hosts.ini (host web1), "
        + "hosts.ini (group prod), group_vars/all.yml (group all), defaults");
  }

  @Test
  void an_ill_typed_variable_names_its_value_file_and_line_and_the_type_wanted() {
    Variables vars = prod.host("web1").vars();

    assertThatThrownBy(() -> vars.get("keep_releases", Integer.class)).isInstanceOf(VariableException.class)
        .hasMessage("variable keep_releases for host web1 in environment prod is \"five\" (a String) (set in hosts.ini line 4), "
            + "which is not a whole number (Integer)");
    assertThatThrownBy(() -> vars.getOrDefault("keep_releases", Integer.class, 5)).hasMessageContaining("is \"five\"");
    assertThatThrownBy(() -> vars.list("ports", Integer.class))
        .hasMessage("element 1 of variable ports for host web1 in environment prod is \"https\" (a String) "
            + "(set in group_vars/all.yml line 3), which is not a whole number (Integer)");
    assertThatThrownBy(() -> vars.get("limits", List.class)).hasMessageContaining("which is not a YAML list");
    assertThatThrownBy(() -> vars.get("nothing", String.class)).hasMessageContaining("is empty (null)");
    assertThatThrownBy(() -> vars.get("big", Integer.class)).hasMessageContaining("12345678901 (a Long)");
  }

  @Test
  void a_prefixed_view_reads_and_reports_full_names() {
    Variables vars = Inventory.builder().host("web1").hostVars("web1", Map.of("app_deploy_to", "/srv/app")).build()
        .host("web1").vars().withPrefix("app_");

    assertThat(vars.get("deploy_to", String.class)).isEqualTo("/srv/app");
    assertThat(vars.keys()).containsExactly("deploy_to");
    assertThatThrownBy(() -> vars.get("keep_releases", Integer.class)).hasMessageStartingWith("variable app_keep_releases is not set");
  }

  @Test
  void extra_vars_from_the_command_line_override_everything() {
    Path file = write(dir, "extra.yml", "keep_releases: 2\n");

    Variables vars = prod.withExtraVars(List.of("strategy=archive", "@" + file, "{\"workers\": 8}")).host("web1").vars();

    assertThat(vars.get("strategy", Strategy.class)).isEqualTo(Strategy.ARCHIVE);
    assertThat(vars.get("keep_releases", Integer.class)).isEqualTo(2);
    assertThat(vars.get("workers", Integer.class)).isEqualTo(8);
    assertThat(vars.origin("workers")).isEqualTo("overrides (-e)");
    assertThatThrownBy(() -> prod.withExtraVars(List.of("justaword"))).hasMessageContaining("-e expects key=value");
  }

  @Test
  void an_environment_is_a_group_and_selects_its_hosts() {
    write(dir, "stages.ini", """
        [web]
        web-test
        web-prod
        [test]
        web-test
        [prod]
        web-prod
        """);
    Inventory inventory = Inventory.load(dir.resolve("stages.ini"));

    assertThat(inventory.environment("test").hosts()).extracting(InventoryHost::name).containsExactly("web-test");
    assertThat(inventory.environment("prod").group("web").hostNames()).containsExactly("web-prod");
    assertThat(inventory.environment("prod").name()).isEqualTo(Optional.of("prod"));
    assertThatThrownBy(() -> inventory.environment("prod").host("web-test"))
        .hasMessageContaining("host web-test is not in environment prod");
    assertThatThrownBy(() -> inventory.environment("staging"))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("no environment staging in stages.ini").hasMessageContaining("add [staging]");
    assertThatThrownBy(() -> inventory.group("db")).hasMessageContaining("no group db in stages.ini; groups are: web, test, prod");
  }
}
