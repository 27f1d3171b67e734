package dev.slipway.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Ansistrano workshop's own inventory/hosts.ini and group_vars/web.yml, copied verbatim. */
class WorkshopInventoryTest {

  @Test
  void should_give_the_workshop_host_with_its_ansible_connection_settings() {
    Inventory inventory = Inventory.load(workshop("workshop").resolve("inventory/hosts.ini"), workshop("workshop"));

    InventoryHost web1 = inventory.host("web1");

    assertThat(inventory.group("web").hostNames()).containsExactly("web1");
    assertThat(inventory.group("all").hostNames()).containsExactly("web1");
    assertThat(inventory.group("ungrouped").hostNames()).isEmpty();
    assertThat(web1.groups()).containsExactly("web");
    assertThat(web1.connection().address()).isEqualTo("VOTRE_IP");
    assertThat(web1.connection().user()).contains("deploy");
    assertThat(web1.connection().port()).isEqualTo(22);
    assertThat(web1.connection().type()).isEqualTo("ssh");
    assertThat(web1.connection().privateKeyFile()).isEmpty();
    assertThat(inventory.description()).isEqualTo("inventory/hosts.ini");
  }

  @Test
  void should_give_deploy_to_keep_releases_and_shared_paths_from_group_vars() {
    Variables vars = Inventory.load(workshop("workshop").resolve("inventory/hosts.ini"), workshop("workshop"))
        .host("web1").vars();

    assertThat(vars.get("ansistrano_deploy_to", Path.class)).isEqualTo(Path.of("/opt/flask-demo"));
    assertThat(vars.get("ansistrano_keep_releases", Integer.class)).isEqualTo(5);
    assertThat(vars.list("ansistrano_shared_paths", String.class)).containsExactly("venv");
    assertThat(vars.get("ansistrano_git_branch", String.class)).isEqualTo("v1");
    assertThat(vars.get("ansistrano_current_via", String.class)).isEqualTo("symlink");
    assertThat(vars.origin("ansistrano_deploy_to")).isEqualTo("group_vars/web.yml");
    assertThat(vars.originWithLine("ansistrano_keep_releases")).isEqualTo("group_vars/web.yml line 3");
    assertThat(vars.origin("ansible_user")).isEqualTo("inventory/hosts.ini");
  }

  @Test
  void should_read_the_ansistrano_names_without_their_prefix() {
    Variables ansistrano = Inventory.load(workshop("workshop-recap").resolve("inventory/hosts.ini"), workshop("workshop-recap"))
        .host("web1").vars().withPrefix("ansistrano_");

    assertThat(ansistrano.get("deploy_to", Path.class)).isEqualTo(Path.of("/opt/flask-demo"));
    assertThat(ansistrano.get("keep_releases", Integer.class)).isEqualTo(5);
    assertThat(ansistrano.list("shared_paths", String.class)).containsExactly("venv");
    assertThat(ansistrano.keys()).contains("deploy_to", "after_symlink_tasks_file").doesNotContain("ansible_user");
  }

  @Test
  void should_keep_the_last_of_a_repeated_key_as_ansible_does() {
    Variables vars = Inventory.load(workshop("workshop").resolve("inventory/hosts.ini"), workshop("workshop"))
        .host("web1").vars();

    assertThat(vars.get("ansistrano_git_repo", String.class))
        .isEqualTo("file://{{ (playbook_dir ~ '/app-src/.git') | realpath }}");
    assertThat(vars.originWithLine("ansistrano_git_repo")).isEqualTo("group_vars/web.yml line 9");
  }

  @Test
  void should_not_see_group_vars_outside_the_inventory_directory_without_a_playbook_directory() {
    Inventory inventory = Inventory.load(workshop("workshop").resolve("inventory/hosts.ini"));

    assertThat(inventory.host("web1").vars().contains("ansistrano_deploy_to")).isFalse();
    assertThat(inventory.host("web1").vars().getOrDefault("ansistrano_keep_releases", Integer.class, 3)).isEqualTo(3);
    assertThat(inventory.environment("web").host("web1").connection().user()).isEqualTo(Optional.of("deploy"));
  }

  static Path workshop(String name) {
    try {
      return Path.of(WorkshopInventoryTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
