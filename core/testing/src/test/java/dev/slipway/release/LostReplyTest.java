package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.slipway.Batch;
import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.ConnectionFailedException;
import dev.slipway.FileInfo;
import dev.slipway.Host;
import dev.slipway.HostContext;
import dev.slipway.event.EventListener;
import dev.slipway.testing.FakeHost;
import java.io.InputStream;
import java.io.OutputStream;
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
  private static final class Losing implements Host {
    private final FakeHost fake;
    private boolean loseNextReply;
    private int readsToFail;
    private int unreadable;

    Losing(FakeHost fake) {
      this.fake = fake;
    }

    void loseNextReply(int failedReads) {
      loseNextReply = true;
      readsToFail = failedReads;
    }

    @Override
    public CommandResult apply(Batch batch) {
      if (!loseNextReply) {
        return fake.apply(batch);
      }
      loseNextReply = false;
      try {
        fake.apply(batch);
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
      return reading(() -> fake.read(path));
    }

    @Override
    public Optional<FileInfo> stat(String path) {
      return reading(() -> fake.stat(path));
    }

    @Override
    public List<FileInfo> list(String directory) {
      return reading(() -> fake.list(directory));
    }

    @Override
    public Optional<String> readLink(String path) {
      return reading(() -> fake.readLink(path));
    }

    @Override
    public String name() {
      return fake.name();
    }

    @Override
    public HostContext context() {
      return fake.context();
    }

    @Override
    public Host withContext(HostContext context) {
      throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public Host withListener(EventListener listener) {
      throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public CommandResult execute(Command command) {
      return fake.execute(command);
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
      return fake.unwrap(type);
    }

    @Override
    public void close() {
      fake.close();
    }

    @Override
    public void write(String path, byte[] content, int mode) {
      fake.write(path, content, mode);
    }

    @Override
    public void mkdirs(String path) {
      fake.mkdirs(path);
    }

    @Override
    public void symlink(String target, String link) {
      fake.symlink(target, link);
    }

    @Override
    public void rename(String from, String to) {
      fake.rename(from, to);
    }

    @Override
    public void delete(String path) {
      fake.delete(path);
    }

    @Override
    public void upload(InputStream content, String path, int mode) {
      fake.upload(content, path, mode);
    }

    @Override
    public void download(String path, OutputStream sink) {
      fake.download(path, sink);
    }
  }
}
