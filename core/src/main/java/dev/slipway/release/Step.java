package dev.slipway.release;

/**
 * The steps of a deploy, in order. Each has {@code before} and {@code after} hooks, named as in
 * Ansistrano ({@code setup}, {@code update-code}, {@code symlink-shared}, {@code symlink},
 * {@code cleanup}) and yodeploy ({@code prepare}, {@code deployed}).
 *
 * <p>On several hosts, every host runs {@link #SETUP} to {@link #PREPARE}; only when all have
 * succeeded does any host run {@link #SYMLINK}. A rollback runs the {@link #SYMLINK} and
 * {@link #DEPLOYED} hooks too, so that services restarted after a switch are restarted after a
 * switch back.
 */
public enum Step {
  /**
   * Takes the lock and creates the directories and missing shared files. Its hooks run once the
   * lock is held, so no hook ever runs for a deploy that would be refused.
   */
  SETUP("setup"),
  /** Installs the source into a staging directory. */
  UPDATE_CODE("update-code"),
  /** Links the shared paths and the dependency environments into the release. */
  SYMLINK_SHARED("symlink-shared"),
  /** The last step before the switch (yodeploy's {@code prepare}); then the release is renamed into place. */
  PREPARE("prepare"),
  /** Switches {@code current} to the release with one rename. */
  SYMLINK("symlink"),
  /** After the switch (yodeploy's {@code deployed}): restarts and health checks; a failure switches back. */
  DEPLOYED("deployed"),
  /** Removes old releases and unused environments, then releases the lock. */
  CLEANUP("cleanup");

  private final String hookName;

  Step(String hookName) {
    this.hookName = hookName;
  }

  /** The name used by Ansistrano and yodeploy, e.g. {@code update-code}. */
  public String hookName() {
    return hookName;
  }

  /** Whether this step runs before {@code current} is switched. */
  public boolean beforeSwitch() {
    return compareTo(SYMLINK) < 0;
  }
}
