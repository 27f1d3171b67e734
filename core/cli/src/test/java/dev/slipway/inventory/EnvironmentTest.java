package dev.slipway.inventory;

import static dev.slipway.inventory.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Host;
import dev.slipway.node.Hosts;
import dev.slipway.node.Node;
import dev.slipway.testing.FakeHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paquerette layout: a {@code secret} group above {@code base_server} (everything common)
 * above {@code test} and {@code prod}; each environment sees the common layers below its own.
 */
class EnvironmentTest {
  @TempDir
  Path dir;
  private Inventory inventory;

  @BeforeEach
  void paquerette_inventory() {
    write(dir, "hosts", """
        [secret:children]
        base_server

        [base_server:children]
        test
        prod

        [test]
        test.paquerette.eu ansible_user=ubuntu

        [prod]
        app1.paquerette.eu ansible_user=ubuntu ansible_ssh_private_key_file=~/.ssh/paquerette
        app2.paquerette.eu ansible_user=ubuntu ansible_port=2222

        [nextcloud]
        test.paquerette.eu
        app1.paquerette.eu
        """);
    write(dir, "group_vars/secret.yml", "mariadb_root_password: s3cr3t\nbackup_passphrase: phrase\n");
    write(dir, "group_vars/base_server.yml", """
        locale: fr_FR.UTF-8
        backup_before_update: true
        backup_dir: /var/backups
        domain: paquerette.eu
        """);
    write(dir, "group_vars/test.yml", "domain: test.paquerette.eu\nbackup_before_update: false\n");
    write(dir, "group_vars/prod.yml", "monitoring: true\n");
    write(dir, "group_vars/nextcloud.yml", "nextcloud_version: 27.1.4\n");
    inventory = Inventory.load(dir);
  }

  @Test
  void each_environment_selects_its_hosts_and_stacks_its_layer_on_the_common_ones() {
    Environment test = inventory.environment("test");
    Environment prod = inventory.environment("prod");

    assertThat(test.hosts()).extracting(InventoryHost::name).containsExactly("test.paquerette.eu");
    assertThat(prod.hosts()).extracting(InventoryHost::name).containsExactly("app1.paquerette.eu", "app2.paquerette.eu");
    Variables testVars = test.host("test.paquerette.eu").vars();
    Variables prodVars = prod.host("app1.paquerette.eu").vars();
    assertThat(testVars.get("domain", String.class)).isEqualTo("test.paquerette.eu");
    assertThat(testVars.get("backup_before_update", Boolean.class)).isFalse();
    assertThat(testVars.origin("backup_before_update")).isEqualTo("group_vars/test.yml");
    assertThat(prodVars.get("domain", String.class)).isEqualTo("paquerette.eu");
    assertThat(prodVars.get("backup_before_update", Boolean.class)).isTrue();
    assertThat(prodVars.origin("backup_before_update")).isEqualTo("group_vars/base_server.yml");
    assertThat(prodVars.get("nextcloud_version", String.class)).isEqualTo("27.1.4");
    assertThat(prodVars.secret("mariadb_root_password").reveal()).isEqualTo("s3cr3t");
    assertThat(prod.vars().get("monitoring", Boolean.class)).isTrue();
    assertThat(prod.host("app1.paquerette.eu").groups()).containsExactly("nextcloud", "secret", "base_server", "prod");
  }

  @Test
  void roles_are_filled_from_a_group_through_a_host_factory() {
    List<InventoryHost> made = new ArrayList<>();
    HostFactory factory = entry -> {
      made.add(entry);
      return FakeHost.named(entry.name());
    };

    List<Host> nextcloud = inventory.environment("prod").hostsOf("nextcloud", factory);

    assertThat(nextcloud).extracting(Host::name).containsExactly("app1.paquerette.eu");
    assertThat(made).singleElement().satisfies(entry -> {
      assertThat(entry.connection().user()).contains("ubuntu");
      assertThat(entry.connection().privateKeyFile())
          .contains(Path.of(System.getProperty("user.home"), ".ssh", "paquerette"));
      assertThat(entry.isIn("base_server")).isTrue();
    });
    assertThat(inventory.hostsOf("nextcloud", factory)).extracting(Host::name)
        .containsExactly("test.paquerette.eu", "app1.paquerette.eu");
  }

  @Test
  void a_nodes_roles_are_filled_from_groups_of_the_environment() {
    HostFactory factory = entry -> FakeHost.named(entry.name());

    Node root = Node.root().child("nextcloud", new Node(),
        inventory.environment("prod").rolesFromGroups(factory, "nextcloud", "base_server"));

    Hosts hosts = root.find("nextcloud").orElseThrow().hosts();
    assertThat(hosts.roles()).containsExactly("nextcloud", "base_server");
    assertThat(hosts.filter("nextcloud").names()).containsExactly("app1.paquerette.eu");
  }

  @Test
  void local_and_ssh_hosts_are_made_by_their_own_factory() {
    write(dir, "mixed.ini", """
        [web]
        localhost ansible_connection=local
        web1 ansible_ssh_host=192.0.2.7 ansible_ssh_user=deploy ansible_ssh_port=2200
        box ansible_connection=docker
        """);
    Inventory mixed = Inventory.load(dir.resolve("mixed.ini"));
    HostFactory factory = HostFactory.localOr(entry -> FakeHost.named("ssh:" + entry.connection().user().orElseThrow()
        + "@" + entry.connection().address() + ":" + entry.connection().port()));

    try (Host local = factory.create(mixed.host("localhost"))) {
      assertThat(local.name()).isEqualTo("localhost");
      assertThat(local.capture("echo %s", "from the inventory")).isEqualTo("from the inventory");
    }
    assertThat(factory.create(mixed.host("web1")).name()).isEqualTo("ssh:deploy@192.0.2.7:2200");
    assertThatThrownBy(() -> factory.create(mixed.host("box")))
        .hasMessage("host box has ansible_connection=docker, which Slipway cannot use; use ssh or local");
  }

  @Test
  void defaults_are_the_lowest_layer_and_can_be_added_to() {
    Variables vars = inventory.environment("prod")
        .withDefaults(Map.of("keep_releases", 5, "locale", "C.UTF-8"))
        .withDefaults(Map.of("keep_releases", 3))
        .host("app2.paquerette.eu").vars();

    assertThat(vars.get("keep_releases", Integer.class)).isEqualTo(3);
    assertThat(vars.get("locale", String.class)).isEqualTo("fr_FR.UTF-8");
    assertThat(inventory.environment("prod").host("app2.paquerette.eu").connection().port()).isEqualTo(2222);
  }
}
