package dev.slipway.ssh;

import dev.slipway.ConnectionFailedException;
import java.time.Duration;

/** The server did not complete the SSH handshake within the connect timeout. */
public class ConnectTimeoutException extends ConnectionFailedException {
  private static final long serialVersionUID = 1L;

  public ConnectTimeoutException(String host, String endpoint, Duration timeout, Throwable cause) {
    super(host, "Timed out after " + timeout.toMillis() + " ms connecting to " + host + " at " + endpoint
        + ": something accepts connections there but did not speak SSH in time. Check the port, or "
        + "raise connectTimeout(...) on the SshHost builder.", cause);
  }
}
