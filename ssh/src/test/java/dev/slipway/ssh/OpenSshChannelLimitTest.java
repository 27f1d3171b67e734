package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.ConnectionFailedException;
import dev.slipway.Host;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Concurrency against an sshd that allows only 3 channels per connection (MaxSessions 3). */
@RequiresOpenSsh
class OpenSshChannelLimitTest {
  static OpenSshFixture sshd;

  @BeforeAll
  static void setUp() {
    sshd = OpenSshFixture.start("maxsessions", server -> server.config("MaxSessions 3"));
  }

  @AfterAll
  static void tearDown() {
    if (sshd != null) {
      sshd.close();
    }
  }

  private static SshHost.Builder host() {
    return sshd.host("web-9");
  }

  @Test
  void commands_beyond_max_channels_wait_for_a_free_channel() throws Exception {
    try (Host host = host().maxChannels(3).build()) {
      List<String> outputs = runConcurrently(host, 12, 1);

      assertThat(outputs).hasSize(12).allMatch(output -> output.startsWith("done"));
    }
  }

  @Test
  void a_server_allowing_fewer_channels_than_max_channels_is_explained() {
    try (Host host = host().maxChannels(8).build()) {
      // Refused opens are retried for about a second: commands that long outlast the retries.
      assertThatThrownBy(() -> runConcurrently(host, 8, 5))
          .hasRootCauseMessage("channel is not opened.")
          .cause().isInstanceOf(ConnectionFailedException.class)
          .hasMessageContaining("web-9")
          .hasMessageContaining("MaxSessions")
          .hasMessageContaining("lower maxChannels");
    }
  }

  private static List<String> runConcurrently(Host host, int count, int seconds) throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<String>> results = IntStream.range(0, count)
          .mapToObj(i -> pool.submit(() -> host.run("sleep " + seconds + "; echo done " + i).stdout()))
          .toList();
      List<String> outputs = new java.util.ArrayList<>();
      for (Future<String> result : results) {
        outputs.add(result.get());
      }
      return outputs;
    } finally {
      pool.shutdownNow();
    }
  }
}
