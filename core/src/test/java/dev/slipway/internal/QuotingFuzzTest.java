package dev.slipway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random hostile strings go through {@code Command.format("printf %s VALUE")} and the
 * real {@code /bin/sh} and must come back byte for byte. The seed is printed with any failure;
 * rerun one with {@code -Dslipway.fuzz.seed=N}.
 */
class QuotingFuzzTest {
  private static final int VALUES = 5000;
  private static final int PER_COMMAND = 250;
  private static final String[] PIECES = {
      "'", "\"", "$", "`", "\\", "\n", "\t", " ", "  ", "*", "?", "[", "]", "~", "#", "!", "&", ";", "|", "<", ">",
      "(", ")", "{", "}", "%", "%s", "%%", "-", "--", "-n", "-e", "=", "a", "Z", "0", "x y", "$(id)", "${HOME}",
      "$0", "'\"'\"'", "\\n", "é", "ü", "中文", "🚀", "𝄞", "\u00a0", "\u2028", "\r", "\u001b[31m", "\u007f"};

  private final Host local = LocalHost.create();

  @Test
  void random_hostile_strings_survive_the_real_shell_byte_for_byte() {
    long seed = Long.getLong("slipway.fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < VALUES; i++) {
      values.add(randomValue(random));
    }

    for (int from = 0; from < VALUES; from += PER_COMMAND) {
      List<String> chunk = values.subList(from, from + PER_COMMAND);
      // One process per chunk; each value still goes through its own Command.format.
      String script = chunk.stream().map(value -> Command.format("printf %%s %s", value).render())
          .collect(Collectors.joining("; printf '\\000'; ", "", "; printf '\\000'"));

      List<String> echoed = List.of(local.run(Command.shell(script)).stdout().split("\0", -1))
          .subList(0, PER_COMMAND);

      for (int i = 0; i < PER_COMMAND; i++) {
        assertThat(echoed.get(i)).as("seed %d, value %d: %s", seed, from + i, escaped(chunk.get(i)))
            .isEqualTo(chunk.get(i));
      }
    }
  }

  @Test
  void safe_words_are_left_unquoted_and_everything_else_is_single_quoted() {
    assertThat(Quoting.quote("/srv/app-1.2/releases/20240611_x@y%z+w=v:u,t")).isEqualTo(
        "/srv/app-1.2/releases/20240611_x@y%z+w=v:u,t");
    assertThat(Quoting.quote("")).isEqualTo("''");
    assertThat(Quoting.quote("it's")).isEqualTo("'it'\"'\"'s'");
    assertThat(Quoting.quote("a b")).isEqualTo("'a b'");
  }

  private static String randomValue(Random random) {
    int shape = random.nextInt(20);
    if (shape == 0) {
      return "";
    }
    StringBuilder value = new StringBuilder(shape == 1 ? "-" : "");
    int pieces = 1 + random.nextInt(12);
    for (int i = 0; i < pieces; i++) {
      if (random.nextInt(5) == 0) {
        value.appendCodePoint(randomCodePoint(random));
      } else {
        value.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return value.toString();
  }

  /** Any code point a command line can carry: no NUL, no lone surrogate. */
  private static int randomCodePoint(Random random) {
    int codePoint;
    do {
      codePoint = 1 + random.nextInt(random.nextBoolean() ? 0x80 : 0x10FFFF);
    } while (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    return codePoint;
  }

  private static String escaped(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
        : new String(Character.toChars(c))));
    return out.toString();
  }
}
