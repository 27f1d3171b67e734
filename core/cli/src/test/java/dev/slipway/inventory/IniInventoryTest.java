package dev.slipway.inventory;

import static dev.slipway.inventory.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniInventoryTest {
  @TempDir
  Path dir;

  @Test
  void should_read_groups_children_vars_inline_variables_ranges_and_comments() {
    write(dir, "hosts.ini", """
        ; a comment
        bastion ansible_host=192.0.2.1

        [web]
        web[1:3] ansible_user=deploy   # three web servers
        web-static:2222 ansible_host=192.0.2.9 motd="hello world" quoted_port='22' port=22 ratio=0.5 zip=01234 debug=True

        [db]
        db-[a:b] ansible_ssh_private_key_file=/keys/db

        [prod:children]
        web
        db   ; trailing comment

        [prod:vars]
        deploy_to = /srv/shop
        greeting="hi there"
        retries=3

        [all:vars]
        ntp=pool.ntp.org
        retries=1
        """);

    Inventory inventory = Inventory.load(dir.resolve("hosts.ini"));

    assertThat(inventory.hostNames()).containsExactly("bastion", "web1", "web2", "web3", "web-static", "db-a", "db-b");
    assertThat(inventory.group("ungrouped").hostNames()).containsExactly("bastion");
    assertThat(inventory.group("prod").hostNames()).containsExactly("web1", "web2", "web3", "web-static", "db-a", "db-b");
    assertThat(inventory.group("prod").children()).containsExactly("web", "db");
    assertThat(inventory.group("all").children()).containsExactly("prod", "ungrouped");
    assertThat(inventory.host("web2").connection().user()).contains("deploy");
    assertThat(inventory.host("db-b").connection().privateKeyFile()).contains(Path.of("/keys/db"));

    InventoryHost statics = inventory.host("web-static");
    assertThat(statics.connection().port()).isEqualTo(2222);
    assertThat(statics.connection().address()).isEqualTo("192.0.2.9");
    assertThat(statics.vars().asMap()).containsEntry("motd", "hello world").containsEntry("quoted_port", "22")
        .containsEntry("port", 22).containsEntry("ratio", "0.5").containsEntry("zip", "01234").containsEntry("debug", true)
        .containsEntry("deploy_to", "/srv/shop").containsEntry("greeting", "hi there").containsEntry("retries", 3)
        .containsEntry("ntp", "pool.ntp.org");
    assertThat(inventory.host("bastion").vars().get("retries", Integer.class)).isEqualTo(1);
    assertThat(statics.groups()).containsExactly("prod", "web");
    assertThat(statics.vars().get("ratio", Double.class)).isEqualTo(0.5);
    assertThat(statics.vars().originWithLine("deploy_to")).isEqualTo("hosts.ini line 16");
  }

  @Test
  void should_read_every_inventory_file_of_a_directory() {
    write(dir, "inventory/01-web.ini", "[web]\nweb1\n");
    write(dir, "inventory/02-db", "[db]\ndb1\n");
    write(dir, "inventory/README.md", "[not]\nan inventory\n");

    Inventory inventory = Inventory.load(dir.resolve("inventory"));

    assertThat(inventory.hostNames()).containsExactly("web1", "db1");
    assertThat(inventory.hasGroup("not")).isFalse();
  }

  @Test
  void a_malformed_section_header_names_file_and_line() {
    write(dir, "hosts.ini", "[web]\nweb1\n\n[web:vars\nx=1\n");

    assertThatThrownBy(() -> Inventory.load(dir.resolve("hosts.ini")))
        .isInstanceOf(InventoryException.class)
        .hasMessageStartingWith("hosts.ini line 4: invalid section header [web:vars");
  }

  @Test
  void a_host_variable_without_a_value_names_file_and_line() {
    write(dir, "hosts.ini", "[web]\nweb1 ansible_user=deploy\nweb2 ansible_user\nweb3 ansible_password hunter2\n");
    write(dir, "stray.ini", "[web]\nweb3 ansible_user=deploy hunter2\n");

    assertThatThrownBy(() -> Inventory.load(dir.resolve("hosts.ini")))
        .hasMessage("hosts.ini line 3: expected key=value host variable after the host, found ansible_user");
    assertThatThrownBy(() -> Inventory.load(dir.resolve("stray.ini")))
        .hasMessage("stray.ini line 2: expected key=value host variable after the host, found word 3 (not shown: it may be a secret)");
  }

  @Test
  void an_unterminated_quote_an_unknown_section_type_and_a_bad_range_name_their_lines() {
    write(dir, "quote.ini", "[web]\nweb1 motd=\"hello\n");
    write(dir, "type.ini", "[web:hostvars]\n");
    write(dir, "range.ini", "[web]\nweb1\nweb[5:1]\n");
    write(dir, "vars.ini", "[web:vars]\njust_a_word\n");

    assertThatThrownBy(() -> Inventory.load(dir.resolve("quote.ini"))).hasMessageStartingWith("quote.ini line 2: unterminated double quote");
    assertThatThrownBy(() -> Inventory.load(dir.resolve("type.ini"))).hasMessageStartingWith("type.ini line 1: unknown section type :hostvars");
    assertThatThrownBy(() -> Inventory.load(dir.resolve("range.ini"))).hasMessageStartingWith("range.ini line 3: host range in web[5:1]");
    assertThatThrownBy(() -> Inventory.load(dir.resolve("vars.ini")))
        .hasMessage("vars.ini line 2: expected key=value in [web:vars], found a line without '=' (not shown: it may be a secret)");
  }

  @Test
  void a_group_that_is_its_own_ancestor_is_refused() {
    write(dir, "hosts.ini", "[a:children]\nb\n[b:children]\na\n");

    assertThatThrownBy(() -> Inventory.load(dir.resolve("hosts.ini")))
        .hasMessageContaining("group a is its own ancestor: a -> b -> a");
  }

  @Test
  void a_missing_inventory_is_named() {
    assertThatThrownBy(() -> Inventory.load(dir.resolve("nope.ini")))
        .isInstanceOf(InventoryException.class).hasMessageContaining("nope.ini does not exist");
  }

  @Test
  void a_directory_without_inventory_files_is_refused_with_a_hint() {
    write(dir, "project/inventory/hosts.ini", "[web]\nweb1\n");
    write(dir, "project/notes.md", "# notes\n");

    assertThatThrownBy(() -> Inventory.load(dir.resolve("project")))
        .hasMessageStartingWith("no inventory file in " + dir.resolve("project"))
        .hasMessageEndingWith("; did you mean " + dir.resolve("project/inventory") + "?");
  }
}
