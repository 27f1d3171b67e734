package dev.slipway.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPatternsTest {

  @Test
  void should_expand_a_numeric_range() {
    assertThat(HostPatterns.expand("web[1:3]")).containsExactly("web1", "web2", "web3");
  }

  @Test
  void should_keep_zero_padding() {
    assertThat(HostPatterns.expand("web[01:10].example.com"))
        .hasSize(10).startsWith("web01.example.com", "web02.example.com").endsWith("web10.example.com");
  }

  @Test
  void should_expand_a_letter_range() {
    assertThat(HostPatterns.expand("db-[a:c]")).containsExactly("db-a", "db-b", "db-c");
  }

  @Test
  void should_step_and_multiply_ranges() {
    assertThat(HostPatterns.expand("web[1:5:2]")).containsExactly("web1", "web3", "web5");
    assertThat(HostPatterns.expand("rack[1:2]-[a:b]")).containsExactly("rack1-a", "rack1-b", "rack2-a", "rack2-b");
  }

  @Test
  void should_start_an_open_range_at_zero() {
    assertThat(HostPatterns.expand("node[:2]")).containsExactly("node0", "node1", "node2");
  }

  @Test
  void should_leave_a_plain_name_alone() {
    assertThat(HostPatterns.expand("web1.example.com")).containsExactly("web1.example.com");
  }

  @Test
  void should_refuse_ranges_that_cannot_be_expanded() {
    assertThatThrownBy(() -> HostPatterns.expand("web[3:1]")).hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> HostPatterns.expand("web[01:100]")).hasMessageContaining("equal length");
    assertThatThrownBy(() -> HostPatterns.expand("web[a:3]")).hasMessageContaining("mixes letters and digits");
    assertThatThrownBy(() -> HostPatterns.expand("web[1-3]")).hasMessageContaining("invalid host range");
  }
}
