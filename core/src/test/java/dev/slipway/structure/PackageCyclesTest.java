package dev.slipway.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCyclesTest {

  @Test
  void the_core_packages_form_no_cycle_but_a_package_with_its_internal_package() {
    PackageCycles core = PackageCycles.of(Path.of("src/main/java"));

    assertThat(core.packages()).contains("dev.slipway", "dev.slipway.release", "dev.slipway.spi");
    assertThat(core.forbidden()).isEmpty();
  }

  @Test
  void the_root_package_imports_nothing_of_the_front_end() throws IOException {
    String imports = Files.readString(Path.of("src/main/java/dev/slipway/Host.java"));
    PackageCycles core = PackageCycles.of(Path.of("src/main/java"));

    assertThat(core.packages()).noneMatch(name -> name.startsWith("dev.slipway.cli") || name.startsWith("dev.slipway.shell")
        || name.startsWith("dev.slipway.terminal") || name.startsWith("dev.slipway.inventory"));
    assertThat(imports).doesNotContain("import dev.slipway.spi");
  }

  @Test
  void a_cycle_through_a_third_package_is_found(@TempDir Path sources) throws IOException {
    write(sources, "a/A.java", "package dev.slipway.a;\nimport dev.slipway.b.B;\nclass A {}\n");
    write(sources, "b/B.java", "package dev.slipway.b;\nimport dev.slipway.c.C;\nclass B {}\n");
    write(sources, "c/C.java", "package dev.slipway.c;\nimport dev.slipway.a.A;\nclass C {}\n");
    write(sources, "c/internal/I.java", "package dev.slipway.c.internal;\nimport dev.slipway.c.C;\nclass I {}\n");
    write(sources, "c/D.java", "package dev.slipway.c;\nimport dev.slipway.c.internal.I;\nclass D {}\n");

    assertThat(PackageCycles.of(sources).forbidden()).extracting(Object::toString)
        .containsExactly("[dev.slipway.a, dev.slipway.b, dev.slipway.c, dev.slipway.c.internal]");
  }

  private static void write(Path root, String file, String text) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }
}
