package dev.slipway.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.recipe.ExitStatus;
import dev.slipway.recipe.Recipe;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./workshop --inventory DIR --env prod deploy v2}: the hosts of the web group of the prod
 * environment, and {@code ansistrano_deploy_to}, {@code keep_releases} and {@code shared_paths} from
 * an Ansible-style project directory, as the workshop document lays it out.
 */
class FlaskWorkshopInventoryTest {

  @TempDir
  Path project;

  @Test
  void deploys_to_the_web_group_of_prod_where_group_vars_say() throws Exception {
    PythonPackages.assumeInstalled();
    Path deployTo = project.resolve("opt/flask-demo");
    Files.createDirectories(project.resolve("inventory"));
    Files.createDirectories(project.resolve("group_vars"));
    Files.writeString(project.resolve("inventory/hosts.ini"), """
        # Groupe "web" avec un seul hôte "web1"
        [web]
        web1 ansible_connection=local

        [prod:children]
        web
        """);
    Files.writeString(project.resolve("group_vars/web.yml"), """
        ansistrano_deploy_to: "%s"          # Base du déploiement
        ansistrano_keep_releases: 5
        ansistrano_shared_paths: ["venv", "log"]
        """.formatted(deployTo));
    Recipe recipe = FlaskWorkshop.recipe("/opt/ignored-when-the-inventory-says", Workshop.freePort(), project);
    String[] inventory = {"--inventory", project.toString(), "--env", "prod"};

    Workshop deployed = Workshop.run(recipe, concat(inventory, "deploy", "v2"));
    Workshop status = Workshop.run(recipe, concat(inventory, "status"));
    Workshop unknownEnv = Workshop.run(recipe, "--inventory", project.toString(), "--env", "staging", "status");
    Workshop stopped = Workshop.run(recipe, concat(inventory, "stop"));

    assertThat(deployed.exit()).as(deployed.printed()).isZero();
    assertThat(deployed.out()).contains("web1: serving v2");
    assertThat(status.out()).contains("web1: live v2");
    assertThat(unknownEnv.exit()).isEqualTo(ExitStatus.USAGE);
    assertThat(unknownEnv.err().lines()).hasSize(1);
    assertThat(stopped.exit()).isZero();
    assertThat(Files.readString(deployTo.resolve("current/app.py"))).contains("\"v2\"");
    assertThat(Files.isSymbolicLink(deployTo.resolve("current/log"))).as("shared log linked").isTrue();
  }

  private static String[] concat(String[] common, String... more) {
    String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
    System.arraycopy(more, 0, all, common.length, more.length);
    return all;
  }
}
