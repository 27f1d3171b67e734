package dev.slipway.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The workshop takes its hosts and its {@code ansistrano_deploy_to}, {@code keep_releases} and
 * {@code shared_paths} from an Ansible-style project directory, as the document lays it out.
 */
class FlaskWorkshopInventoryTest {

  @TempDir
  Path project;

  @Test
  void deploys_to_the_web_group_where_group_vars_say() throws Exception {
    PythonPackages.assumeInstalled();
    Path deployTo = project.resolve("opt/flask-demo");
    Files.createDirectories(project.resolve("inventory"));
    Files.createDirectories(project.resolve("group_vars"));
    Files.writeString(project.resolve("inventory/hosts.ini"), """
        # Groupe "web" avec un seul hôte "web1"
        [web]
        web1 ansible_connection=local
        """);
    Files.writeString(project.resolve("group_vars/web.yml"), """
        ansistrano_deploy_to: "%s"          # Base du déploiement
        ansistrano_keep_releases: 5
        ansistrano_shared_paths: ["venv", "log"]
        """.formatted(deployTo));

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    CommandLine workshop = new CommandLine(new FlaskWorkshop(out));
    String[] common = {"--inventory", project.toString(), "--repo", project.resolve("app-src").toString(),
        "--port", String.valueOf(freePort())};
    int deployed = workshop.execute(concat(common, "deploy", "v2"));
    int stopped = workshop.execute(concat(common, "stop"));

    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(deployed).as(printed).isZero();
    assertThat(stopped).as(printed).isZero();
    assertThat(printed).contains("serving v2");
    assertThat(Files.readString(deployTo.resolve("current/app.py"))).contains("\"v2\"");
    assertThat(Files.isSymbolicLink(deployTo.resolve("current/log"))).as("shared log linked").isTrue();
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String[] concat(String[] common, String... more) {
    String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
    System.arraycopy(more, 0, all, common.length, more.length);
    return all;
  }
}
