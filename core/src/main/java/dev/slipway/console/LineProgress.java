package dev.slipway.console;

import java.io.PrintWriter;

/** Progress as plain lines, for logs and pipes: one line per step. */
final class LineProgress implements Progress {
  private final PrintWriter out;
  private final String message;
  private final int expected;
  private int done;

  LineProgress(PrintWriter out, String message, int expected) {
    this.out = out;
    this.message = message;
    this.expected = expected;
  }

  @Override
  public synchronized void step() {
    done++;
    out.println(message + ": " + done + "/" + expected);
    out.flush();
  }

  @Override
  public synchronized void close() {
    out.println(message + ": done (" + done + "/" + expected + ")");
    out.flush();
  }
}
