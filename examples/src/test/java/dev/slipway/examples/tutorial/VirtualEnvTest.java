package dev.slipway.examples.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.node.HostFailuresException;
import dev.slipway.node.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VirtualEnv node for real on this machine: Debian's python3 with the system's packages and
 * no package index, as {@link ExampleProject} uses it.
 */
class VirtualEnvTest {
  @TempDir
  Path dir;

  private final Host local = LocalHost.create();

  private VirtualEnv envAt(String location, String requirements) {
    VirtualEnv env = new VirtualEnv().location(location).interpreter("/usr/bin/python3")
        .venvOptions("--system-site-packages", "--without-pip").pipOptions("--no-index")
        .requirementsFiles(requirements);
    Node.root().child("env", env, roles -> roles.add("host", local));
    return env;
  }

  @Test
  void setup_creates_an_environment_that_activated_commands_run_in() throws Exception {
    Path requirements = Files.writeString(dir.resolve("requirements.txt"), "# nothing to install\n");
    VirtualEnv env = envAt(dir + "/my env", requirements.toString());

    env.setupEnv();

    assertThat(dir.resolve("my env/bin/python")).exists();
    assertThat(env.activated().run("python -c %s", "import sys; print(sys.prefix)").get("local").output())
        .isEqualTo(dir + "/my env");
  }

  @Test
  void a_requirement_that_cannot_be_installed_fails_naming_the_host_and_the_command() throws Exception {
    Path requirements = Files.writeString(dir.resolve("requirements.txt"), "no-such-package-slipway==1.0\n");
    VirtualEnv env = envAt(dir + "/venv", requirements.toString());
    env.create();

    HostFailuresException failure = catchThrowableOfType(HostFailuresException.class, env::installRequirements);

    assertThat(failure.hosts()).containsExactly("local");
    assertThat(failure).hasMessageContaining("pip install --quiet --no-index -r " + requirements)
        .hasMessageContaining("no-such-package-slipway");
  }
}
