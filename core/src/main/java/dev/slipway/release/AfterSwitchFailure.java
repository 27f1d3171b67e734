package dev.slipway.release;

/**
 * What a multi-host deploy does when some hosts fail after {@code current} was switched. In a
 * rolling deploy the policy applies within the failing batch; earlier batches keep the new release.
 */
public enum AfterSwitchFailure {
  /** Every host switches back to its previous release: all hosts keep running one version (the default). */
  ROLL_BACK_ALL,
  /** Only the failed hosts switch back; the hosts that succeeded keep the new release. */
  KEEP_SUCCEEDED
}
