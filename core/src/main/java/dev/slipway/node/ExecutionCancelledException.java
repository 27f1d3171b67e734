package dev.slipway.node;

/**
 * The execution was {@linkplain Execution#cancel() cancelled}: no new host task was started and the
 * running ones were interrupted. The message and {@link #results()} say which hosts finished, which
 * were interrupted and which never started.
 */
public class ExecutionCancelledException extends HostFailuresException {
  private static final long serialVersionUID = 1L;

  public ExecutionCancelledException(String what, HostResults<?> results) {
    super(what + " (cancelled)", results);
  }
}
