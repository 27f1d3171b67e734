package dev.slipway.node;

import static dev.slipway.node.RoleMapping.allHosts;
import static dev.slipway.node.RoleMapping.mapRoles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Host;
import org.junit.jupiter.api.Test;

class RoleMappingTest {
  private final Host web1 = ScriptedTransport.newHost("web-1");
  private final Host web2 = ScriptedTransport.newHost("web-2");
  private final Host queue = ScriptedTransport.newHost("queue-1");
  private final Host db = ScriptedTransport.newHost("db-1");

  private Node system() {
    return Node.root(roles -> roles.add("web", web1, web2).add("queue", queue).add("master_db", db));
  }

  /** python-deployer's WebSystem: a reusable node that maps its roles to its parts. */
  static class WebSystem extends Node {
    final Node cache = new Node();
    final Node git = new Node();
    final Node database = new Node();

    WebSystem() {
      child("cache", cache, mapRoles("host", "cache"));
      child("git", git, mapRoles("host", "web", "queue"));
      child("database", database, roles -> roles.map("master", "master_db").map("slave", "slave_db"));
    }
  }

  @Test
  void a_reusable_node_is_used_twice_with_different_hosts() {
    Host staging = ScriptedTransport.newHost("staging-0");
    WebSystem stagingSystem = new WebSystem();
    WebSystem productionSystem = new WebSystem();
    Node.root()
        .child("staging", stagingSystem, roles -> roles.add("web", staging).add("queue", staging)
            .add("cache", staging).add("master_db", staging).add("slave_db"))
        .child("production", productionSystem, roles -> roles.add("web", web1, web2).add("queue", queue)
            .add("cache", queue).add("master_db", db).add("slave_db", web2));

    assertThat(stagingSystem.git.hosts().names()).containsExactly("staging-0");
    assertThat(stagingSystem.database.hosts().filter("slave").isEmpty()).isTrue();
    assertThat(productionSystem.git.hosts().names()).containsExactly("web-1", "web-2", "queue-1");
    assertThat(productionSystem.cache.hosts().names()).containsExactly("queue-1");
    assertThat(productionSystem.database.hosts().filter("master").names()).containsExactly("db-1");
    assertThat(productionSystem.database.path()).isEqualTo("/production/database");
  }

  @Test
  void a_child_without_mapping_takes_every_role_of_its_parent() {
    Node child = new Node();
    system().child("all", child);

    assertThat(child.hosts().roles()).containsExactly("web", "queue", "master_db");
    assertThat(child.hosts().filter("web").names()).containsExactly("web-1", "web-2");
  }

  @Test
  void a_mapped_role_is_renamed_and_only_mapped_roles_are_kept() {
    Node cache = new Node();
    system().child("cache", cache, roles -> roles.map("host", "queue"));

    assertThat(cache.hosts().roles()).containsExactly("host");
    assertThat(cache.hosts().filter("host").names()).containsExactly("queue-1");
  }

  @Test
  void several_parent_roles_map_to_one_child_role() {
    Node git = new Node();
    system().child("git", git, mapRoles("host", "web", "queue"));

    assertThat(git.hosts().filter("host").names()).containsExactly("web-1", "web-2", "queue-1");
  }

  @Test
  void several_child_roles_can_be_mapped_at_once() {
    Node database = new Node();
    system().child("db", database, roles -> roles.map("master", "master_db").map("slave", "web"));

    assertThat(database.hosts().filter("master").names()).containsExactly("db-1");
    assertThat(database.hosts().filter("slave").names()).containsExactly("web-1", "web-2");
  }

  @Test
  void all_hosts_maps_every_host_of_the_parent_once() {
    Host both = ScriptedTransport.newHost("both");
    Node monitor = new Node();
    Node.root(roles -> roles.add("web", web1, both).add("db", both, db))
        .child("monitor", monitor, allHosts("host"));

    assertThat(monitor.hosts().filter("host").names()).containsExactly("web-1", "both", "db-1");
  }

  @Test
  void explicit_hosts_are_added_on_top_of_mapped_ones() {
    Host extra = ScriptedTransport.newHost("extra");
    Node child = new Node();
    system().child("child", child, roles -> roles.map("host", "queue").add("host", extra).add("local", web1));

    assertThat(child.hosts().filter("host").names()).containsExactly("queue-1", "extra");
    assertThat(child.hosts().filter("local").names()).containsExactly("web-1");
  }

  @Test
  void mappings_apply_level_after_level() {
    Node middle = new Node();
    Node leaf = new Node();
    middle.child("leaf", leaf, roles -> roles.map("target", "front"));
    system().child("middle", middle, roles -> roles.map("front", "web"));

    assertThat(leaf.hosts().filter("target").names()).containsExactly("web-1", "web-2");
  }

  @Test
  void a_host_in_several_roles_counts_once() {
    Node root = Node.root(roles -> roles.add("web", web1).add("cache", web1, queue));

    assertThat(root.hosts().names()).containsExactly("web-1", "queue-1");
    assertThat(root.hosts().size()).isEqualTo(2);
  }

  @Test
  void a_declared_empty_role_maps_to_an_empty_role() {
    Node slave = new Node();
    Node.root(roles -> roles.add("web", web1).add("slave_db"))
        .child("slave", slave, roles -> roles.map("host", "slave_db"));

    assertThat(slave.hosts().filter("host").isEmpty()).isTrue();
  }

  @Test
  void mapping_from_a_role_the_parent_lacks_fails_when_the_tree_is_built() {
    Node git = new Node();
    Node root = system().child("git", git, mapRoles("host", "wwww", "queue"));

    assertThatThrownBy(root::build)
        .isInstanceOf(InvalidTreeException.class)
        .hasMessageContaining("/git: role 'host' is mapped from parent role 'wwww'")
        .hasMessageContaining("roles [web, queue, master_db]");
  }

  @Test
  void filtering_on_an_unknown_role_names_the_roles_there_are() {
    assertThatThrownBy(() -> system().hosts().filter("wbe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no role 'wbe'")
        .hasMessageContaining("[web, queue, master_db]");
  }

  @Test
  void role_names_are_checked() {
    assertThatThrownBy(() -> Node.root(roles -> roles.add(" ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Node.root(roles -> roles.map("host")))
        .hasMessageContaining("mapAll(\"host\")");
  }
}
