package dev.slipway.console;

import java.io.PrintWriter;

/** Host status changes as plain lines, for logs and pipes. */
final class PrintedHostStatus implements HostStatus {
  private final PrintWriter out;

  PrintedHostStatus(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void update(String host, String status) {
    out.println(host + ": " + status);
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}
