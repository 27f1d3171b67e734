package dev.slipway;

import java.time.Duration;

/**
 * A command of a {@link Batch} ran past its {@linkplain Command#withTimeout time limit} and was
 * stopped, so the batch stopped there: the timeout a command run alone gives, naming the operation
 * as data, as {@link BatchFailedException} does for a failure.
 *
 * <pre>
 * Command timed out on web-1 after 30000 ms: operation 7 of 9: curl -fsS http://localhost:8000/health
 * </pre>
 */
public final class BatchTimeoutException extends CommandTimeoutException {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final transient Operation.Exec operation;
  private final transient CommandResult result;

  /**
   * @param result the batch's result until it stopped, its stderr being what the late command wrote
   * @param batch the batch
   * @param index the late command's index in the batch, from 0; that operation is an {@link Operation.Exec}
   */
  public BatchTimeoutException(CommandResult result, Batch batch, int index) {
    this(result, (Operation.Exec) batch.operations().get(index), index, batch.operations().size());
  }

  private BatchTimeoutException(CommandResult result, Operation.Exec late, int index, int size) {
    super(result.host(), late.command(), late.command().timeout().orElse(Duration.ZERO),
        "operation " + (index + 1) + " of " + size + ": " + late.describe());
    this.index = index;
    this.operation = late;
    this.result = result;
  }

  /** The late command's index in its batch, from 0. */
  public int index() {
    return index;
  }

  /** The operation that ran the late command. */
  public Operation.Exec operation() {
    return operation;
  }

  /** What the batch wrote until it stopped; its stderr is what the late command wrote. */
  public CommandResult result() {
    return result;
  }
}
