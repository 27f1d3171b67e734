package dev.slipway.terminal;

import static java.util.Objects.requireNonNull;

import dev.slipway.event.CommandEvent;
import dev.slipway.event.CommandEvent.Outcome;
import dev.slipway.event.Event;
import dev.slipway.event.EventListener;
import dev.slipway.event.OutputEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.utils.AttributedStyle;

/**
 * Prints what commands write while they run, each line prefixed by its host, and at the end a
 * summary of every host's outcome and duration:
 *
 * <pre>
 * web-1 | Collecting flask
 * web-2 | Collecting flask
 * web-2 ! pip: error: ...
 * web-1 (dry-run) $ systemctl restart flask-demo
 *
 * web-1  ok      3 commands  1.2 s
 * web-2  FAILED  2 commands  0.8 s  Command failed on web-2 (exit status 1): pip install ...
 * </pre>
 *
 * <p>Give it to each host with {@code host.withListener(live)}; it is thread-safe.
 */
public final class LiveOutput implements EventListener {
  private final TerminalConsole console;
  private final Map<String, HostTally> tallies = new LinkedHashMap<>();
  private int width;

  private LiveOutput(TerminalConsole console) {
    this.console = requireNonNull(console, "console");
  }

  /** Live output printed on {@code console}. */
  public static LiveOutput on(TerminalConsole console) {
    return new LiveOutput(console);
  }

  @Override
  public synchronized void on(Event event) {
    tally(event.host()).seen(event);
    if (event instanceof OutputEvent) {
      OutputEvent output = (OutputEvent) event;
      print(output.host(), output.stream() == OutputEvent.Stream.STDERR ? " ! " : " | ", output.line());
    } else if (event instanceof CommandEvent && ((CommandEvent) event).outcome() == Outcome.DRY_RUN) {
      print(event.host(), " (dry-run) $ ", ((CommandEvent) event).command());
    }
  }

  /** Makes sure {@code hosts} appear in the summary even if they ran no command. */
  public synchronized void expect(List<String> hosts) {
    hosts.forEach(this::tally);
  }

  /** Prints one line per host seen: its outcome, commands and duration; {@code failures} maps host to reason. */
  public synchronized void printSummary(Map<String, String> failures) {
    failures.keySet().forEach(this::tally);
    tallies.forEach((host, tally) -> {
      String reason = failures.get(host);
      String outcome = reason == null ? "ok" : "FAILED";
      String line = String.format(Locale.ROOT, "%-" + width + "s  %-6s  %d command%s  %s%s", host, outcome,
          tally.commands, tally.commands == 1 ? "" : "s", seconds(tally.duration()),
          reason == null ? "" : "  " + reason.lines().findFirst().orElse(""));
      console.println(line, AttributedStyle.DEFAULT.foreground(reason == null ? AttributedStyle.GREEN : AttributedStyle.RED));
    });
  }

  private void print(String host, String separator, String text) {
    String prefix = String.format("%-" + width + "s", host);
    console.println(console.styled(prefix, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)) + separator + text);
  }

  private HostTally tally(String host) {
    width = Math.max(width, host.length());
    return tallies.computeIfAbsent(host, h -> new HostTally());
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** What one host did: how many commands, from when to when. */
  private static final class HostTally {
    private int commands;
    private Instant first;
    private Instant last;

    void seen(Event event) {
      Instant start = event.at();
      if (event instanceof CommandEvent) {
        commands++;
        start = event.at().minus(((CommandEvent) event).duration());
      }
      first = first == null || start.isBefore(first) ? start : first;
      last = last == null || event.at().isAfter(last) ? event.at() : last;
    }

    Duration duration() {
      return first == null ? Duration.ZERO : Duration.between(first, last);
    }
  }
}
