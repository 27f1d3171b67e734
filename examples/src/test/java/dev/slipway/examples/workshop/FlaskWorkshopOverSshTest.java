package dev.slipway.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.ssh.testing.OpenSshServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole workshop over a real OpenSSH {@code sshd} on loopback: same program, {@code --ssh}
 * instead of the local host. Runs in CI, where {@code .ci/run} installs openssh-server.
 */
class FlaskWorkshopOverSshTest {

  @TempDir
  Path workshop;

  @Test
  void the_workshop_runs_over_openssh_on_one_connection_per_step() {
    assumeTrue(OpenSshServer.availability().isEmpty(), () -> OpenSshServer.availability().orElse(""));
    PythonPackages.assumeInstalled();
    try (OpenSshServer sshd = OpenSshServer.in(workshop.resolve("sshd")).start()) {
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

      int status = new CommandLine(new FlaskWorkshop(out)).execute(
          "--deploy-to", workshop.resolve("flask-demo").toString(),
          "--repo", workshop.resolve("app-src").toString(),
          "--ssh", "root@" + sshd.address() + ":" + sshd.port(),
          "--identity", sshd.clientKey().toString(),
          "--known-hosts", sshd.knownHosts().toString());

      String printed = captured.toString(StandardCharsets.UTF_8);
      assertThat(status).as(printed).isZero();
      assertThat(printed.lines().filter(line -> line.contains(" serving ")).map(line -> line.replaceAll(".* serving (\\S+).*", "$1")))
          .containsExactly("v1", "v2", "v3", "v2", "v1", "v1");
      assertThat(sshd.connectionsAccepted()).as("one SSH connection for the whole run").isEqualTo(1);
    }
  }
}
