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

  private static final int REFUSALS_TOLERATED = 20;

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
    try {
      C channel = openRetrying(session, type, kind, beforeConnect);
      opened.incrementAndGet();
      return channel;
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  // OpenSSH frees a closed channel's session slot one turn of its loop after the close: under
  // churn it may refuse an open although fewer than maxChannels are open. Nothing ran: try again.
  private <C extends Channel> C openRetrying(Session session, String type, Class<C> kind, Setup<C> beforeConnect) {
    for (int attempt = 1; ; attempt++) {
      C channel = null;
      try {
        channel = kind.cast(session.openChannel(type));
        if (channel == null) {
          // JSch answers null, not an exception, when the session broke while the channel was set up.
          throw new JSchException("no " + type + " channel: the session broke while opening it");
        }
        beforeConnect.accept(channel);
        channel.connect(connectTimeoutMillis);
        return channel;
      } catch (JSchException e) {
        disconnect(channel);
        if (!session.isConnected()) {
          throw new SessionDownException(e);
        }
        if (attempt == REFUSALS_TOLERATED) {
          throw new ConnectionFailedException(host, "The server of " + host + " refused to open a " + type
              + " channel " + attempt + " times (" + e.getMessage() + "); its sshd may allow fewer channels per "
              + "connection (MaxSessions) than this transport's maxChannels(" + maxChannels + "): lower maxChannels.", e);
        }
        pause(attempt);
      } catch (java.io.IOException e) {
        disconnect(channel);
        throw new ConnectionFailedException(host, "Cannot set up a " + type + " channel to " + host, e);
      }
    }
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(5L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionFailedException(host, "Interrupted while opening a channel to " + host);
    }
  }

  private static void disconnect(Channel channel) {
    if (channel != null) {
      channel.disconnect();
    }
  }

  /** Closes a channel from {@link #open} and frees its place. */
  public void release(Channel channel) {
    disconnect(channel);
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
