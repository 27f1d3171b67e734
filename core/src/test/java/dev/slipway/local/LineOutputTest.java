package dev.slipway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineOutputTest {

  @Test
  void lines_are_handed_over_whole_however_the_bytes_arrive() {
    List<String> lines = new ArrayList<>();
    LineOutput output = new LineOutput(lines::add);
    byte[] bytes = "first\r\nsecond 🚀\n\nno newline".getBytes(StandardCharsets.UTF_8);

    output.write(bytes, 0, 9);     // splits "second" and, later, the rocket's four bytes
    output.write(bytes, 9, 7);
    output.write(bytes[16]);
    output.write(bytes, 17, bytes.length - 17);
    output.finish();

    assertThat(lines).containsExactly("first", "second 🚀", "", "no newline");
    assertThat(output.text()).isEqualTo("first\r\nsecond 🚀\n\nno newline");
  }
}
