package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.slipway.Batch;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.ConnectionFailedException;
import dev.slipway.FileInfo;
import dev.slipway.Host;
import dev.slipway.spi.ForwardingHost;
import dev.slipway.testing.FakeHost;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round trips whose reply is lost, whether or not the batch ran, and a host that then cannot be
 * read for a while: the deploy lock is released when it is ours, left alone when it is not, and
 * asked about again when it could not be read.
 */
class LostReplyTest {
  private final FakeHost fake = FakeHost.named("web-1").lenient();
  private final Losing host = new Losing(fake);
  private final Releases releases = Releases.at("/srv/app");

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void a_lock_taken_whose_reply_was_lost_is_released_on_the_way_out(int failedReads) {
    host.loseNextReply(failedReads);

    Throwable thrown = catchThrowable(() -> releases.source(() -> new OneFile("v1")).deploy(host));

    assertThat(thrown).isInstanceOf(DeployFailedException.class).hasRootCauseInstanceOf(ConnectionFailedException.class);
    assertThat(fake.exists("/srv/app/.slipway/lock")).isFalse();
    assertThat(releases.source(() -> new OneFile("v1")).deploy(host).succeeded()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void someone_elses_lock_is_left_alone_after_a_lost_reply(int failedReads) {
    LockHolder other = LockHolder.thisProcess(Clock.systemUTC(), "deploy");
    fake.mkdirs(releases.layout().lock());
    fake.write(releases.layout().lockHolder(), other.format());
    host.loseNextReply(failedReads);

    catchThrowable(() -> releases.source(() -> new OneFile("v1")).deploy(host));

    assertThat(releases.lockHolder(fake)).map(LockHolder::token).contains(other.token());
  }

  @Test
  void a_deploy_whose_last_reply_was_lost_after_it_ran_is_a_deploy() {
    releases.source(() -> new OneFile("v1")).deploy(host);
    Releases losing = releases.after(Step.CLEANUP, (on, release) -> host.loseNextReply(0));

    DeployReport report = losing.source(() -> new OneFile("v2")).deploy(host);

    assertThat(report.succeeded()).isTrue();
    assertThat(fake.readString("/srv/app/current/app.py")).isEqualTo("v2");
    assertThat(releases.history(fake)).extracting(HistoryEntry::kind)
        .containsExactly(HistoryEntry.Kind.DEPLOY, HistoryEntry.Kind.DEPLOY);
    assertThat(fake.exists("/srv/app/.slipway/lock")).isFalse();
  }

  /** A fake whose next batch runs but its reply is lost, and whose reads then fail a number of times. */
  private static final class Losing extends ForwardingHost {
    private boolean loseNextReply;
    private int readsToFail;
    private int unreadable;

    Losing(FakeHost fake) {
      super(fake);
    }

    void loseNextReply(int failedReads) {
      loseNextReply = true;
      readsToFail = failedReads;
    }

    @Override
    public CommandResult apply(Batch batch) {
      if (!loseNextReply) {
        return super.apply(batch);
      }
      loseNextReply = false;
      try {
        super.apply(batch);
      } catch (CommandFailedException ranAndFailed) {
        // Lost with the rest of the reply.
      }
      unreadable = readsToFail;
      throw new ConnectionFailedException(name(), "connection reset");
    }

    private <T> T reading(Supplier<T> read) {
      if (unreadable > 0) {
        unreadable--;
        throw new ConnectionFailedException(name(), "connection reset");
      }
      return read.get();
    }

    @Override
    public byte[] read(String path) {
      return reading(() -> super.read(path));
    }

    @Override
    public Optional<FileInfo> stat(String path) {
      return reading(() -> super.stat(path));
    }

    @Override
    public List<FileInfo> list(String directory) {
      return reading(() -> super.list(directory));
    }

    @Override
    public Optional<String> readLink(String path) {
      return reading(() -> super.readLink(path));
    }
  }
}
