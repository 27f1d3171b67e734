package dev.slipway.ssh.internal;

import com.jcraft.jsch.Session;
import java.util.List;

/** A connected session to the target and the jump sessions it runs through, nearest first. */
public final class Connection implements AutoCloseable {
  private final List<Session> sessions;

  Connection(List<Session> sessions) {
    this.sessions = List.copyOf(sessions);
  }

  /** The session to the target. */
  public Session session() {
    return sessions.get(sessions.size() - 1);
  }

  /** Whether every hop is still connected. */
  public boolean isConnected() {
    return sessions.stream().allMatch(Session::isConnected);
  }

  /** Disconnects the target first, then each jump. */
  @Override
  public void close() {
    for (int i = sessions.size() - 1; i >= 0; i--) {
      sessions.get(i).disconnect();
    }
  }
}
