package dev.slipway.examples.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial's main, for real on this machine. */
class DjangoTutorialTest {
  @TempDir
  Path dir;

  @Test
  void main_sets_up_and_deploys_every_version_and_a_second_run_reuses_what_is_there() {
    DjangoTutorial.main(new String[] {dir.toString()});
    Path project = dir.resolve("server/project");
    assertThat(project.resolve("var/app-server")).hasContent("v2");
    assertThat(project.resolve("var/schema")).hasContent("v2");
    assertThat(project.resolve("local_settings.py")).content().contains("DEBUG = False");
    assertThat(dir.resolve("server/venv/bin/python")).exists();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DjangoTutorial.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .doesNotContain("git clone")
        .contains("[local]   app answers v1 (with local_settings.py)")
        .contains("   local: v1, app server runs v1")
        .contains("   local: v2, app server runs v2");
  }
}
