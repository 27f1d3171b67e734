package dev.slipway.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigTest {
  @TempDir
  Path dir;

  private SshConfig read(String alias, String... lines) throws IOException {
    Path file = Files.writeString(dir.resolve("config"), String.join("\n", lines) + "\n");
    return SshConfig.forAlias(alias, List.of(file), dir);
  }

  @Test
  void patterns_match_with_star_question_mark_and_negation() {
    assertThat(SshConfig.matches("web1", List.of("web?"))).isTrue();
    assertThat(SshConfig.matches("web12", List.of("web?"))).isFalse();
    assertThat(SshConfig.matches("web1.example.com", List.of("*.example.com", "!db*"))).isTrue();
    assertThat(SshConfig.matches("db1.example.com", List.of("*.example.com", "!db*"))).isFalse();
    assertThat(SshConfig.matches("WEB1", List.of("web1"))).isTrue();
  }

  @Test
  void the_first_value_wins_and_identity_files_accumulate() throws IOException {
    SshConfig config = read("web1",
        "Host web1", "  User first", "  IdentityFile ~/.ssh/a",
        "Host *", "  User second", "  Port=2222", "  IdentityFile \"~/.ssh/with space\"");

    assertThat(config.first("user")).contains("first");
    assertThat(config.first("Port")).contains("2222");
    assertThat(config.identityFiles()).extracting(v -> v.args().get(0))
        .containsExactly("~/.ssh/a", "~/.ssh/with space");
  }

  @Test
  void a_match_block_is_skipped_up_to_the_next_host() throws IOException {
    SshConfig config = read("web1", "Match host web1", "  User from-match", "Host web1", "  Port 2200");

    assertThat(config.first("User")).isEmpty();
    assertThat(config.first("Port")).contains("2200");
  }

  @Test
  void include_reads_files_in_place_in_name_order() throws IOException {
    Files.createDirectories(dir.resolve("conf.d"));
    Files.writeString(dir.resolve("conf.d/b.conf"), "Host web1\n  User from-b\n");
    Files.writeString(dir.resolve("conf.d/a.conf"), "Host web1\n  User from-a\n");

    SshConfig config = read("web1", "Include conf.d/*.conf", "Host web1", "  User after-include");

    assertThat(config.first("User")).contains("from-a");
    assertThat(config.first("User").get()).isNotEqualTo("after-include");
  }
}
