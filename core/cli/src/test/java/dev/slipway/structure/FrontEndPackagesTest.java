package dev.slipway.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FrontEndPackagesTest {

  @Test
  void the_front_end_packages_form_no_cycle() {
    PackageCycles frontEnd = PackageCycles.of(Path.of("src/main/java"));

    assertThat(frontEnd.packages()).contains("dev.slipway.cli", "dev.slipway.shell", "dev.slipway.recipe");
    assertThat(frontEnd.forbidden()).isEmpty();
  }
}
