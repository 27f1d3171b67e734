package dev.slipway.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The command lines of this machine's processes, as {@code ps} shows them to any user. */
final class ProcessList {
  private ProcessList() {}

  /** Every command line seen while {@code condition} holds, sampled every few milliseconds. */
  static List<String> sampleWhile(BooleanSupplier condition) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    while (condition.getAsBoolean()) {
      ProcessHandle.allProcesses().forEach(p -> p.info().commandLine().ifPresent(seen::add));
      Thread.sleep(20);
    }
    return seen;
  }
}
