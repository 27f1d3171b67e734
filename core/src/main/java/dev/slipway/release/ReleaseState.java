package dev.slipway.release;

/** Where a release stands, as recorded in the registry. */
public enum ReleaseState {
  /** Being assembled, or abandoned while being assembled; never a rollback target. */
  PREPARING,
  /** What {@code current} points at. */
  LIVE,
  /** Was live and worked: a rollback target. */
  PREVIOUS,
  /** Was live and was rolled back from: skipped by later rollbacks. */
  ROLLED_BACK,
  /** Failed before or after the switch: never a rollback target. */
  FAILED;

  /** Whether a rollback may pick a release in this state. */
  public boolean good() {
    return this == LIVE || this == PREVIOUS;
  }
}
