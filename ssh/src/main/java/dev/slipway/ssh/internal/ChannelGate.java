package dev.slipway.ssh.internal;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.slipway.ConnectionFailedException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens channels on a session, at most {@code maxChannels} at once. OpenSSH refuses the 11th
 * channel of a session ({@code MaxSessions 10}) and JSch then says only "channel is not opened":
 * callers past the bound wait here instead, and a refusal is explained.
 */
public final class ChannelGate {
  private static final Logger log = LoggerFactory.getLogger(ChannelGate.class);

  private final String host;
  private final int maxChannels;
  private final int connectTimeoutMillis;
  private final Semaphore permits;
  private final AtomicInteger opened = new AtomicInteger();

  public ChannelGate(String host, int maxChannels, int connectTimeoutMillis) {
    this.host = host;
    this.maxChannels = maxChannels;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.permits = new Semaphore(maxChannels, true);
  }

  /** How many channels were opened so far, of every kind. */
  public int opened() {
    return opened.get();
  }

  /**
   * A new channel of {@code type}, connected after {@code beforeConnect} ran (streams must be
   * taken before connecting). Waits while {@code maxChannels} are open. Give it back with
   * {@link #release}.
   *
   * @throws SessionDownException if the session turned out to be dead; nothing was sent
   */
  public <C extends Channel> C open(Session session, String type, Class<C> kind, Setup<C> beforeConnect) {
    acquire();
    C channel = null;
    try {
      channel = kind.cast(session.openChannel(type));
      beforeConnect.accept(channel);
      channel.connect(connectTimeoutMillis);
      opened.incrementAndGet();
      return channel;
    } catch (JSchException e) {
      release(channel);
      if (!session.isConnected()) {
        throw new SessionDownException(e);
      }
      throw new ConnectionFailedException(host, "The server of " + host + " refused to open a " + type
          + " channel (" + e.getMessage() + "); its sshd may allow fewer channels per connection (MaxSessions) "
          + "than this transport's maxChannels(" + maxChannels + "): lower maxChannels.", e);
    } catch (java.io.IOException e) {
      release(channel);
      throw new ConnectionFailedException(host, "Cannot set up a " + type + " channel to " + host, e);
    } catch (RuntimeException e) {
      release(channel);
      throw e;
    }
  }

  /** Closes a channel from {@link #open} and frees its place. */
  public void release(Channel channel) {
    if (channel != null) {
      channel.disconnect();
    }
    permits.release();
  }

  private void acquire() {
    if (!permits.tryAcquire()) {
      log.debug("{}: {} channels are open, waiting for one to close", host, maxChannels);
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectionFailedException(host, "Interrupted while waiting for a free channel to " + host);
      }
    }
  }

  /** Prepares a channel before it connects. */
  @FunctionalInterface
  public interface Setup<C> {
    void accept(C channel) throws java.io.IOException;
  }
}
