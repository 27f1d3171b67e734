package dev.slipway.inventory;

import static dev.slipway.inventory.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * defaults < common < environment < group (parents before children) < host < secrets < overrides.
 * Each layer sets every key {@code upto_X} whose X is this layer or a higher one, to its own name,
 * so key {@code upto_X} must come from layer X.
 */
class VariablePrecedenceTest {
  private static final List<String> LAYERS =
      List.of("defaults", "common", "environment", "parent_group", "child_group", "host", "secrets", "overrides");

  @TempDir
  static Path dir;
  private static Environment prod;

  @BeforeAll
  static void inventory_with_every_layer() {
    write(dir, "hosts.ini", """
        [prod]
        web1
        [app:children]
        web
        [web]
        web1
        """);
    write(dir, "group_vars/all.yml", yaml("common"));
    write(dir, "group_vars/prod.yml", yaml("environment"));
    write(dir, "group_vars/app.yml", yaml("parent_group"));
    write(dir, "group_vars/web.yml", yaml("child_group"));
    write(dir, "host_vars/web1.yml", yaml("host"));
    Map<String, Object> secrets = values("secrets");
    prod = Inventory.load(dir.resolve("hosts.ini")).environment("prod")
        .withDefaults(values("defaults"))
        .withSecrets(key -> Optional.ofNullable(secrets.get(key)).map(v -> dev.slipway.Secret.of(v.toString())))
        .withOverrides(values("overrides"));
  }

  @ParameterizedTest(name = "{0} comes from {1}")
  @CsvSource({
      "upto_defaults,     defaults,     defaults",
      "upto_common,       common,       group_vars/all.yml",
      "upto_environment,  environment,  group_vars/prod.yml",
      "upto_parent_group, parent_group, group_vars/app.yml",
      "upto_child_group,  child_group,  group_vars/web.yml",
      "upto_host,         host,         host_vars/web1.yml",
      "upto_secrets,      secrets,      the application's secret callback",
      "upto_overrides,    overrides,    overrides (-e)",
  })
  void each_layer_overrides_the_layers_below_it(String key, String layer, String origin) {
    Variables vars = prod.host("web1").vars();

    String value = layer.equals("secrets") ? vars.secret(key).reveal() : vars.get(key, String.class);

    assertThat(value).isEqualTo(layer);
    assertThat(vars.origin(key)).isEqualTo(origin);
  }

  @Test
  void the_environment_sees_its_layers_without_group_or_host_ones() {
    Variables vars = prod.vars();

    assertThat(vars.get("upto_child_group", String.class)).isEqualTo("environment");
    assertThat(vars.get("upto_host", String.class)).isEqualTo("environment");
    assertThat(vars.get("upto_overrides", String.class)).isEqualTo("overrides");
  }

  @Test
  void within_a_group_inventory_lines_come_before_group_vars_and_the_playbook_directory_wins(@TempDir Path project) {
    write(project, "inventory/hosts.ini", """
        [web]
        web1 from_host=inline both_host=inline
        [web:vars]
        from_group=inline
        both_group=inline
        playbook=inline
        """);
    write(project, "inventory/group_vars/web.yml", "both_group: inventory_dir\nplaybook: inventory_dir\n");
    write(project, "inventory/host_vars/web1.yml", "both_host: host_vars\n");
    write(project, "group_vars/web.yml", "playbook: playbook_dir\n");

    Variables vars = Inventory.load(project.resolve("inventory/hosts.ini"), project).host("web1").vars();

    assertThat(vars.asMap()).containsEntry("from_host", "inline").containsEntry("both_host", "host_vars")
        .containsEntry("from_group", "inline").containsEntry("both_group", "inventory_dir")
        .containsEntry("playbook", "playbook_dir");
    assertThat(vars.origin("both_group")).isEqualTo("inventory/group_vars/web.yml");
    assertThat(vars.origin("playbook")).isEqualTo("group_vars/web.yml");
  }

  @Test
  void sibling_groups_of_equal_depth_apply_in_name_order(@TempDir Path inventory) {
    write(inventory, "hosts", "[zeta]\nweb1\n[alpha]\nweb1\n");
    write(inventory, "group_vars/alpha.yml", "color: alpha\n");
    write(inventory, "group_vars/zeta.yml", "color: zeta\n");

    InventoryHost web1 = Inventory.load(inventory).host("web1");

    assertThat(web1.groups()).containsExactly("alpha", "zeta");
    assertThat(web1.vars().get("color", String.class)).isEqualTo("zeta");
  }

  private static String yaml(String layer) {
    return values(layer).keySet().stream().map(key -> key + ": " + layer).collect(Collectors.joining("\n", "", "\n"));
  }

  private static Map<String, Object> values(String layer) {
    Map<String, Object> values = new LinkedHashMap<>();
    LAYERS.subList(LAYERS.indexOf(layer), LAYERS.size()).forEach(higher -> values.put("upto_" + higher, layer));
    return values;
  }
}
