package dev.slipway.console;

import java.io.PrintWriter;

/** A progress bar redrawn in place with a carriage return. */
final class BarProgress implements Progress {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final String message;
  private final int expected;
  private int done;

  BarProgress(PrintWriter out, String message, int expected) {
    this.out = out;
    this.message = message;
    this.expected = Math.max(expected, 1);
    draw();
  }

  @Override
  public synchronized void step() {
    done++;
    draw();
  }

  @Override
  public synchronized void close() {
    out.println();
    out.flush();
  }

  private void draw() {
    int filled = Math.min(WIDTH, done * WIDTH / expected);
    out.print("\r" + message + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + done + "/" + expected);
    out.flush();
  }
}
