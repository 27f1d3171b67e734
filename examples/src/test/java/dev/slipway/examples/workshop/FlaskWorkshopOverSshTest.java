package dev.slipway.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.recipe.ExitStatus;
import dev.slipway.recipe.Recipe;
import dev.slipway.ssh.SshHost;
import dev.slipway.ssh.testing.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workshop's commands over a real OpenSSH {@code sshd} on loopback: the same recipe, its host
 * given as {@code --ssh web1}. Runs in CI, where {@code .ci/run} installs openssh-server.
 */
class FlaskWorkshopOverSshTest {

  @TempDir
  Path workshop;

  @Test
  void every_command_works_over_openssh() throws Exception {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> OpenSshServer.availability().orElse(""));
    PythonPackages.assumeInstalled();
    try (OpenSshServer sshd = OpenSshServer.in(workshop.resolve("sshd")).start()) {
      Recipe recipe = overSsh(sshd, sshd.knownHosts());
      try {
        assertThat(run(recipe, "deploy", "v1").out()).contains("web1: serving v1");
        assertThat(run(recipe, "deploy", "v2").out()).contains("web1: serving v2");
        assertThat(run(recipe, "rollback").out()).contains("web1: serving v1");
        String v2 = run(recipe, "--json", "releases").jsonLines().stream()
            .filter(line -> line.get("type").equals("result")).findFirst().orElseThrow().get("text")
            .lines().filter(line -> line.contains(" v2 ")).findFirst().orElseThrow().strip().split(" +")[0];
        assertThat(run(recipe, "rollback", v2).out()).contains("web1: serving v2 (release " + v2 + ")");
        assertThat(run(recipe, "status").out()).containsPattern("web1: live v2 .*, flask-demo running pid \\d+, not locked");
        assertThat(run(recipe, "check", "v3").out()).contains("web1: ready to deploy");
        assertThat(run(recipe, "unlock").out()).contains("web1: not locked");
        assertThat(run(recipe, "--limit", "web1", "--dry-run", "deploy", "v3").out()).contains("web1: dry run: v3");
        List<Map<String, String>> json = run(recipe, "--json", "deploy", "v3").jsonLines();
        assertThat(json).allSatisfy(line -> assertThat(line).containsKeys("type", "host", "time"));
        assertThat(json).anySatisfy(line -> assertThat(line).containsEntry("type", "result").containsEntry("version", "v3"));
      } finally {
        run(recipe, "stop");
      }
    }
  }

  /**
   * The budget of issue 13, counted by the server: a steady deploy, gunicorn's reload and the
   * health check included, opens at most 3 exec channels; a rollback at most 2 (file reads travel
   * on the connection's one SFTP channel, not counted here).
   */
  @Test
  void a_steady_deploy_opens_at_most_3_exec_channels_and_a_rollback_2() throws Exception {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> OpenSshServer.availability().orElse(""));
    PythonPackages.assumeInstalled();
    try (OpenSshServer sshd = OpenSshServer.in(workshop.resolve("sshd")).start()) {
      Recipe recipe = overSsh(sshd, sshd.knownHosts());
      try {
        run(recipe, "deploy", "v1");
        int deploy = execChannels(sshd, () -> run(recipe, "deploy", "v2"));
        int rollback = execChannels(sshd, () -> run(recipe, "rollback"));
        System.out.printf("workshop over OpenSSH: %d exec channels for deploy v2, %d for rollback%n", deploy, rollback);
        assertThat(deploy).isLessThanOrEqualTo(3);
        assertThat(rollback).isLessThanOrEqualTo(2);
      } finally {
        run(recipe, "stop");
      }
    }
  }

  private static int execChannels(OpenSshServer sshd, Runnable step) {
    int before = sshd.execSessionsStarted();
    step.run();
    return sshd.execSessionsStarted() - before;
  }

  @Test
  void check_says_in_one_line_that_a_host_key_is_not_known() throws Exception {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> OpenSshServer.availability().orElse(""));
    try (OpenSshServer sshd = OpenSshServer.in(workshop.resolve("sshd")).start()) {
      Path empty = Files.writeString(workshop.resolve("known_hosts-empty"), "");

      Workshop check = Workshop.run(overSsh(sshd, empty), "--ssh", "web1", "check", "v1");

      assertThat(check.exit()).isEqualTo(ExitStatus.FAILED);
      assertThat(check.err().lines()).hasSize(1).first().asString().startsWith("web1: cannot run a command: ");
    }
  }

  private Recipe overSsh(OpenSshServer sshd, Path knownHosts) {
    return FlaskWorkshop.recipe(workshop.resolve("flask-demo").toString(), Workshop.freePort(), workshop)
        .ssh(target -> SshHost.builder(target).address(sshd.address()).port(sshd.port()).user("root")
            .identity(sshd.clientKey()).knownHosts(knownHosts).build());
  }

  private static Workshop run(Recipe recipe, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--ssh";
    all[1] = "web1";
    System.arraycopy(args, 0, all, 2, args.length);
    Workshop done = Workshop.run(recipe, all);
    assertThat(done.exit()).as(done.printed()).isZero();
    return done;
  }
}
