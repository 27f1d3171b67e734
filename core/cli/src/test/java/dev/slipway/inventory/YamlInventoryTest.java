package dev.slipway.inventory;

import static dev.slipway.inventory.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlInventoryTest {
  @TempDir
  Path dir;

  @Test
  void should_read_nested_groups_and_inherit_their_variables() {
    write(dir, "hosts.yml", """
        all:
          vars:
            ntp: pool.ntp.org
            tier: any
          children:
            europe:
              vars:
                tier: europe
                region: eu
              children:
                paris:
                  vars:
                    tier: paris
                  hosts:
                    web[1:2].paris:
                      ansible_port: 2201
                    db.paris:
            lonely:
          hosts:
            bastion:
              ansible_host: 192.0.2.1
        """);

    Inventory inventory = Inventory.load(dir.resolve("hosts.yml"));
    InventoryHost web2 = inventory.host("web2.paris");

    assertThat(inventory.group("europe").hostNames()).containsExactly("web1.paris", "web2.paris", "db.paris");
    assertThat(inventory.group("europe").children()).containsExactly("paris");
    assertThat(inventory.group("lonely").hostNames()).isEmpty();
    assertThat(inventory.group("ungrouped").hostNames()).containsExactly("bastion");
    assertThat(web2.groups()).containsExactly("europe", "paris");
    assertThat(web2.connection().port()).isEqualTo(2201);
    assertThat(web2.vars().asMap()).containsEntry("ntp", "pool.ntp.org").containsEntry("region", "eu").containsEntry("tier", "paris");
    assertThat(web2.vars().originWithLine("region")).isEqualTo("hosts.yml line 9");
    assertThat(inventory.host("bastion").vars().get("tier", String.class)).isEqualTo("any");
  }

  @Test
  void should_read_group_vars_and_host_vars_files_and_directories() {
    write(dir, "hosts.yml", "all:\n  children:\n    web:\n      hosts:\n        web1:\n");
    write(dir, "group_vars/all.yaml", "keep_releases: 3\n");
    write(dir, "group_vars/web/10-app.yml", "deploy_to: /srv/app\nshared_paths: [log, venv]\n");
    write(dir, "group_vars/web/20-override.yml", "deploy_to: /srv/app2\n");
    write(dir, "group_vars/web/notes.txt", "not: yaml: at all:");
    write(dir, "host_vars/web1", "settings:\n  workers: 4\n  debug: false\nbanner: !unsafe '{{ not a template }}'\n");
    write(dir, "group_vars/typo.yml", "x: 1\n");
    write(dir, "group_vars/web.yml.orig", "deploy_to: /old\n");

    Variables vars = Inventory.load(dir.resolve("hosts.yml")).host("web1").vars();

    assertThat(vars.get("keep_releases", Integer.class)).isEqualTo(3);
    assertThat(vars.get("deploy_to", Path.class)).isEqualTo(Path.of("/srv/app2"));
    assertThat(vars.origin("deploy_to")).isEqualTo("group_vars/web/20-override.yml");
    assertThat(vars.list("shared_paths", String.class)).containsExactly("log", "venv");
    assertThat(vars.map("settings")).isEqualTo(Map.of("workers", 4, "debug", false));
    assertThat(vars.origin("settings")).isEqualTo("host_vars/web1");
    assertThat(vars.get("banner", String.class)).isEqualTo("{{ not a template }}");
    assertThat(vars.contains("x")).isFalse();
  }

  @Test
  void should_read_a_json_inventory() {
    write(dir, "hosts.json", "{\"all\": {\"children\": {\"db\": {\"hosts\": {\"db[1:2]\": {\"ansible_user\": \"postgres\"}}}}}}");

    Inventory inventory = Inventory.load(dir.resolve("hosts.json"));

    assertThat(inventory.group("db").hostNames()).containsExactly("db1", "db2");
    assertThat(inventory.host("db2").connection().user()).contains("postgres");
  }

  @Test
  void malformed_yaml_names_file_and_line() {
    write(dir, "hosts.yml", "all:\n  hosts:\n    web1:\n      ansible_host: [unclosed\n    web2:\n");

    assertThatThrownBy(() -> Inventory.load(dir.resolve("hosts.yml")))
        .isInstanceOf(InventoryException.class)
        .hasMessageStartingWith("hosts.yml line ")
        .hasMessageContaining("malformed YAML");
  }

  @Test
  void malformed_group_vars_names_its_file_and_line() {
    write(dir, "hosts.ini", "[web]\nweb1\n");
    write(dir, "group_vars/web.yml", "deploy_to: /srv/app\nkeep_releases: 5\n  shared_paths: [venv]\n");

    assertThatThrownBy(() -> Inventory.load(dir.resolve("hosts.ini")))
        .hasMessageStartingWith("group_vars/web.yml line 3: malformed YAML");
  }

  @Test
  void a_vars_file_that_is_not_a_mapping_and_an_unknown_group_key_are_refused_with_their_lines() {
    write(dir, "hosts.ini", "[web]\nweb1\n");
    write(dir, "group_vars/web.yml", "# list, not mapping\n- deploy_to\n");
    write(dir, "other/hosts.yml", "all:\n  children:\n    web:\n      host:\n        web1:\n");

    assertThatThrownBy(() -> Inventory.load(dir.resolve("hosts.ini")))
        .hasMessage("group_vars/web.yml line 2: expected variables (name: value), found a list");
    assertThatThrownBy(() -> Inventory.load(dir.resolve("other/hosts.yml")))
        .hasMessage("hosts.yml line 4: unexpected key host in group web; a group has hosts, vars and children");
  }

  @Test
  void an_inventory_built_in_code_works_like_a_loaded_one() {
    Inventory inventory = Inventory.builder()
        .host("web1", "web", "prod")
        .hostVars("web1", Map.of("ansible_host", "10.0.0.11", "ansible_user", "deploy"))
        .groupVars("web", Map.of("deploy_to", "/opt/shop"))
        .children("europe", "prod")
        .build();

    InventoryHost web1 = inventory.environment("prod").host("web1");

    assertThat(web1.connection().address()).isEqualTo("10.0.0.11");
    assertThat(web1.groups()).containsExactly("europe", "web", "prod");
    assertThat(web1.vars().origin("deploy_to")).isEqualTo("code");
    assertThat(inventory.group("all").children()).isEqualTo(List.of("web", "europe", "ungrouped"));
  }
}
