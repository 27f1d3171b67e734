package dev.slipway.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay in front of a server that counts the bytes the clients send through it, so
 * that a benchmark can report "bytes sent" for SSH without instrumenting the client.
 */
final class CountingRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final AtomicLong sent = new AtomicLong();

  CountingRelay(int targetPort) {
    try {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("no loopback port for the relay", e);
    }
    this.targetPort = targetPort;
    Thread acceptor = new Thread(this::accept, "relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port clients connect to. */
  int port() {
    return listener.getLocalPort();
  }

  /** Bytes sent by clients towards the server so far. */
  long bytesSent() {
    return sent.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        pump(client.getInputStream(), server.getOutputStream(), sent, server);
        pump(server.getInputStream(), client.getOutputStream(), new AtomicLong(), client);
      } catch (IOException e) {
        if (!listener.isClosed()) {
          System.err.println("relay: " + e.getMessage());
        }
      }
    }
  }

  private static void pump(InputStream from, OutputStream to, AtomicLong counter, Socket closeWhenDone) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try (closeWhenDone) {
        for (int n; (n = from.read(buffer)) >= 0; ) {
          to.write(buffer, 0, n);
          to.flush();
          counter.addAndGet(n);
        }
      } catch (IOException ignored) {
        // One side closed: closing the other ends the connection, as a direct one would end.
      }
    }, "relay-pump");
    pump.setDaemon(true);
    pump.start();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
