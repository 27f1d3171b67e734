package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArgumentConverterTest {
  enum Env { STAGING, PRODUCTION }

  @Test
  void converts_each_supported_type() {
    assertThat(ArgumentConverter.convert("name", String.class, "shop")).isEqualTo("shop");
    assertThat(ArgumentConverter.convert("port", int.class, "8080")).isEqualTo(8080);
    assertThat(ArgumentConverter.convert("port", Integer.class, "-1")).isEqualTo(-1);
    assertThat(ArgumentConverter.convert("size", long.class, "5000000000")).isEqualTo(5_000_000_000L);
    assertThat(ArgumentConverter.convert("force", boolean.class, "yes")).isEqualTo(true);
    assertThat(ArgumentConverter.convert("force", Boolean.class, "OFF")).isEqualTo(false);
    assertThat(ArgumentConverter.convert("env", Env.class, "production")).isEqualTo(Env.PRODUCTION);
    assertThat(ArgumentConverter.convert("dir", Path.class, "build/out")).isEqualTo(Path.of("build/out"));
  }

  @Test
  void a_bad_value_names_the_parameter_its_type_and_the_value() {
    assertThatThrownBy(() -> ArgumentConverter.convert("port", int.class, "80a"))
        .isInstanceOf(BadArgumentException.class)
        .hasMessage("bad value for parameter port (int): \"80a\" is not a whole number");
    assertThatThrownBy(() -> ArgumentConverter.convert("port", int.class, "99999999999"))
        .hasMessageContaining("is out of range");
    assertThatThrownBy(() -> ArgumentConverter.convert("force", boolean.class, "perhaps"))
        .hasMessage("bad value for parameter force (boolean): \"perhaps\" is not a boolean (true/false, yes/no, on/off, 1/0)");
    assertThatThrownBy(() -> ArgumentConverter.convert("env", Env.class, "qa"))
        .hasMessage("bad value for parameter env (Env): \"qa\" is not one of staging, production");
  }

  @Test
  void an_unsupported_parameter_type_is_named() {
    assertThat(ArgumentConverter.supports(double.class)).isFalse();
    assertThatThrownBy(() -> ArgumentConverter.convert("ratio", double.class, "0.5"))
        .hasMessageContaining("parameter ratio (double)")
        .hasMessageContaining("actions take only String, int, long, boolean, enum or Path");
  }
}
