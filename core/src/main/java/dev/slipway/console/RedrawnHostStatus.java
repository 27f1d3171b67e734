package dev.slipway.console;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line per host, redrawn in place by moving the cursor up over the block. */
final class RedrawnHostStatus implements HostStatus {
  private static final String CURSOR_UP = "\u001b[%dA";
  private static final String CLEAR_LINE = "\u001b[2K";

  private final PrintWriter out;
  private final Map<String, String> statuses = new LinkedHashMap<>();
  private final int width;

  RedrawnHostStatus(PrintWriter out, Collection<String> hosts) {
    this.out = out;
    hosts.forEach(host -> statuses.put(host, "waiting"));
    this.width = hosts.stream().mapToInt(String::length).max().orElse(0);
    draw();
  }

  @Override
  public synchronized void update(String host, String status) {
    statuses.put(host, status);
    out.print(String.format(CURSOR_UP, statuses.size()));
    draw();
  }

  @Override
  public void close() {
    out.flush();
  }

  private void draw() {
    statuses.forEach((host, status) ->
        out.print(CLEAR_LINE + String.format("%-" + width + "s  %s%n", host, status)));
    out.flush();
  }
}
