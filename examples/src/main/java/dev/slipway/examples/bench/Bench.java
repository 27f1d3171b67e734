package dev.slipway.examples.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' entry point: {@code ./bench [peers|workshop|channels|upload|all]}. Each prints a table;
 * none asserts a time (numbers on a shared machine are for reading, not for failing a build).
 */
public final class Bench {
  private Bench() {}

  /** Runs the named benchmark, or all of them. */
  public static void main(String[] args) throws Exception {
    Map<String, Runnable> benchmarks = new LinkedHashMap<>();
    benchmarks.put("peers", unchecked(PeersBench::run));
    benchmarks.put("workshop", unchecked(() -> WorkshopBench.main(new String[0])));
    benchmarks.put("channels", unchecked(() -> ChannelBench.main(new String[0])));
    benchmarks.put("upload", unchecked(() -> IncrementalUploadBench.main(new String[0])));
    String which = args.length > 0 ? args[0] : "all";
    if (which.equals("all")) {
      benchmarks.values().forEach(Runnable::run);
    } else if (benchmarks.containsKey(which)) {
      benchmarks.get(which).run();
    } else {
      System.err.println("unknown benchmark " + which + "; choose one of " + benchmarks.keySet() + " or all");
      System.exit(2);
    }
  }

  private interface Body {
    void run() throws Exception;
  }

  private static Runnable unchecked(Body body) {
    return () -> {
      try {
        body.run();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
