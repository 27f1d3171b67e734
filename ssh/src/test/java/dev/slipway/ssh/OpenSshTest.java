package dev.slipway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.CommandResult;
import dev.slipway.ConnectionFailedException;
import dev.slipway.Host;
import dev.slipway.event.OutputEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SSH scenarios against a real OpenSSH sshd on loopback. */
@RequiresOpenSsh
class OpenSshTest extends SshScenarios {
  static OpenSshFixture sshd;

  @BeforeAll
  static void startServer() {
    sshd = OpenSshFixture.start("scenarios");
  }

  @AfterAll
  static void stopServer() {
    if (sshd != null) {
      sshd.close();
    }
  }

  @Test
  void a_server_gone_silent_during_a_command_is_noticed_by_keep_alive() {
    CountDownLatch started = new CountDownLatch(1);
    try (Host host = sshd.host("web-3").keepAlive(Duration.ofMillis(300)).build()) {
      CompletableFuture<CommandResult> running = CompletableFuture.supplyAsync(() -> host.withListener(event -> {
        if (event instanceof OutputEvent output && output.line().equals("started")) {
          started.countDown();
        }
      }).run("echo started; sleep 60"));
      assertThat(awaitQuietly(started)).isTrue();
      sshd.server.freezeConnections();

      // A bound, not a measurement: without keep-alive the command would wait for ever.
      assertThatThrownBy(() -> running.get(25, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ConnectionFailedException.class)
          .hasMessageContaining("Lost the connection to web-3");
    } finally {
      sshd.server.dropConnections();
    }
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  protected SshHost.Builder host(String name) {
    return sshd.host(name);
  }

  @Override
  protected void prepare(Path directory) {
    sshd.account.own(directory);
  }

  @Override
  protected int connectionsAccepted() {
    return sshd.server.connectionsAccepted();
  }

  @Override
  protected void dropConnections() {
    sshd.server.dropConnections();
  }
}
