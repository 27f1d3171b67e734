package dev.slipway;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An operation of a {@link Batch} failed, so the batch stopped there. Names the operation as data:
 * its index, the operation itself, the exit status and what it wrote to stderr.
 *
 * <pre>
 * Command failed on web-1 (exit status 1): operation 2 of 3 failed: mkdir /srv/app/.slipway/lock
 *   stderr:
 *     mkdir: cannot create directory '/srv/app/.slipway/lock': File exists
 * </pre>
 */
public final class BatchFailedException extends CommandFailedException {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final int size;
  private final transient Operation operation;

  /**
   * @param context the context the batch ran in
   * @param result the batch's result, its stderr being what the failed operation wrote
   * @param batch the batch
   * @param index the failed operation's index in the batch, from 0
   */
  public BatchFailedException(HostContext context, CommandResult result, Batch batch, int index) {
    super(context, result, "operation " + (index + 1) + " of " + batch.operations().size() + " failed: "
        + batch.operations().get(index).describe());
    this.index = index;
    this.size = batch.operations().size();
    this.operation = requireNonNull(batch.operations().get(index), "operation");
  }

  /** The failed operation's index in its batch, from 0. */
  public int index() {
    return index;
  }

  /** The failed operation. */
  public Operation operation() {
    return operation;
  }

  /**
   * {@code Command failed on web-1 (exit status 1): operation 7 of 10: pip install -r
   * requirements.txt: ERROR: No matching distribution found}: the operation and the last line it
   * wrote to stderr.
   */
  @Override
  public String summary() {
    return "Command failed on " + host() + " (exit status " + exitStatus() + "): operation " + (index + 1) + " of "
        + size + ": " + operation.describe() + lastWords(stderr());
  }
}
