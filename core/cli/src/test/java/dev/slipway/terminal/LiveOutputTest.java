package dev.slipway.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.event.CommandEvent;
import dev.slipway.event.CommandEvent.Outcome;
import dev.slipway.event.OutputEvent;
import dev.slipway.event.OutputEvent.Stream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveOutputTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final LiveOutput live = LiveOutput.on(TerminalConsole.nonInteractive(screen, false));

  @Test
  void lines_are_prefixed_by_their_host_and_the_summary_lists_each_host() {
    live.expect(List.of("web-1", "db"));
    live.on(new OutputEvent("web-1", T0.plusMillis(100), Stream.STDOUT, "hello world"));
    live.on(new OutputEvent("db", T0.plusMillis(150), Stream.STDERR, "warning: slow disk"));
    live.on(new CommandEvent("web-1", T0.plusMillis(1200), "echo hello world", "", Outcome.SUCCEEDED, 0,
        Duration.ofMillis(1200)));
    live.on(new CommandEvent("db", T0.plusMillis(800), "pg_dump shop", "", Outcome.FAILED, 1,
        Duration.ofMillis(800)));

    live.printSummary(Map.of("db", "Command failed on db (exit status 1): pg_dump shop\n  stderr: ..."));

    assertThat(screen.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "web-1 | hello world",
        "db    ! warning: slow disk",
        "web-1  ok      1 command  1.2 s",
        "db     FAILED  1 command  0.8 s  Command failed on db (exit status 1): pg_dump shop");
  }

  @Test
  void dry_run_commands_are_shown_with_their_host() {
    live.on(new CommandEvent("web-1", T0, "systemctl restart flask-demo", "", Outcome.DRY_RUN, 0, Duration.ZERO));

    live.printSummary(Map.of());

    assertThat(screen.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "web-1 (dry-run) $ systemctl restart flask-demo",
        "web-1  ok      1 command  0.0 s");
  }
}
