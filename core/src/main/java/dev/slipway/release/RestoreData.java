package dev.slipway.release;

/** Whether a rollback also puts back the data saved by the deploys it undoes ({@link DataBackup}). */
public enum RestoreData {
  /** Restore the backup taken when the release being rolled back was deployed. */
  YES,
  /** Leave the data as it is: the code goes back, the data stays. */
  NO
}
