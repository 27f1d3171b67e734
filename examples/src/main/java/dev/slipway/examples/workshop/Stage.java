package dev.slipway.examples.workshop;

import dev.slipway.Host;
import dev.slipway.SlipwayException;
import dev.slipway.release.DeployReport;
import java.io.PrintStream;
import java.util.List;

/**
 * One step of the workshop: what it does, and the version {@code /version} must serve after it.
 *
 * @param label what the step prints, e.g. {@code deploy v2}
 * @param expectedVersion the version that must be served afterwards
 * @param action the deploy or rollback
 */
record Stage(String label, String expectedVersion, Action action) {

  /** A deploy or rollback on the workshop's hosts. */
  @FunctionalInterface
  interface Action {
    DeployReport apply(List<Host> hosts);
  }

  /** Runs the step, prints its duration and the version served; whether that was the expected one. */
  boolean run(List<Host> web, FlaskApp app, PrintStream out) {
    long start = System.nanoTime();
    action.apply(web);
    return report(web, app, out, start, "");
  }

  /** Runs a step that must fail before the switch, leaving the expected version served. */
  boolean runExpectingFailure(List<Host> web, FlaskApp app, PrintStream out) {
    long start = System.nanoTime();
    try {
      action.apply(web);
    } catch (SlipwayException expected) {
      String reason = expected.getMessage().lines().map(String::strip).filter(line -> !line.isEmpty())
          .skip(1).limit(2).reduce((a, b) -> a + " / " + b).orElse(expected.getMessage());
      return report(web, app, out, start, "\n      failed before the switch, as it should: " + reason);
    }
    out.printf("  %-32s succeeded, but it should have failed%n", label);
    return false;
  }

  private boolean report(List<Host> web, FlaskApp app, PrintStream out, long start, String note) {
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> versions = web.stream().map(app::servedVersion).distinct().toList();
    String served = versions.size() == 1 ? versions.get(0)
        : String.join(", ", web.stream().map(host -> host.name() + "=" + app.servedVersion(host)).toList());
    boolean expected = served.equals(expectedVersion);
    out.printf("  %-32s %6.2f s   serving %s%s%s%n", label, seconds, served,
        expected ? "" : " (expected " + expectedVersion + ")", note);
    return expected;
  }
}
