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

/** The README's first command, as a test: the whole workshop on this machine. */
class FlaskWorkshopLocalTest {

  @TempDir
  Path workshop;

  @Test
  void serves_v1_v2_v3_then_v2_then_the_chosen_version_and_survives_a_broken_release() throws Exception {
    PythonPackages.assumeInstalled();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

    int status = new CommandLine(new FlaskWorkshop(out)).execute(
        "--deploy-to", workshop.resolve("flask-demo").toString(),
        "--repo", workshop.resolve("app-src").toString());

    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(status).as(printed).isZero();
    assertThat(printed.lines().filter(line -> line.contains(" serving ")).map(FlaskWorkshopLocalTest::served))
        .containsExactly("v1", "v2", "v3", "v2", "v1", "v1");
    assertThat(printed).contains("failed before the switch, as it should")
        .contains("v4  failed").contains("v1  live");
    Path current = workshop.resolve("flask-demo/current");
    assertThat(Files.readString(current.resolve("app.py"))).contains("\"v1\"");
    assertThat(Files.isSymbolicLink(current.resolve(FlaskApp.VENV))).isTrue();
  }

  private static String served(String line) {
    return line.replaceAll(".* serving (\\S+).*", "$1");
  }
}
