package dev.slipway.release;

import static java.util.Objects.requireNonNull;

/**
 * Where everything lives under one {@code deployTo} path on a host:
 *
 * <pre>
 * /opt/flask-demo/
 *   current -> releases/20251022090030      the live release, switched by rename(2)
 *   releases/20251022090030/                one directory per release, complete or absent
 *   shared/                                 linked into every release, never deleted
 *   .slipway/releases                       the release registry
 *   .slipway/history                        every deploy, rollback, failure and broken lock, appended
 *   .slipway/lock/                          the deploy lock (mkdir), holder inside
 *   .slipway/staging/                       releases being assembled
 *   .slipway/failed/20251022090100/         a release that failed before the switch, kept for inspection
 *   .slipway/envs/                          dependency environments, keyed by a hash
 * </pre>
 *
 * Remote paths are POSIX strings, not {@link java.nio.file.Path}s, which follow the controller's
 * file system.
 *
 * @param deployTo the absolute, normalised base directory
 */
public record ReleaseLayout(String deployTo) {

  public ReleaseLayout {
    requireNonNull(deployTo, "deployTo");
    String fix = " (give an absolute directory such as /opt/flask-demo)";
    if (deployTo.isBlank()) {
      throw new IllegalArgumentException("deployTo must not be empty" + fix);
    }
    if (!deployTo.startsWith("/")) {
      throw new IllegalArgumentException("deployTo must be absolute, was: " + deployTo + fix);
    }
    if (deployTo.matches("/+")) {
      throw new IllegalArgumentException("deployTo must not be /: releases and cleanup would act on the root" + fix);
    }
    if (deployTo.endsWith("/")) {
      throw new IllegalArgumentException("deployTo must not end with '/', was: " + deployTo + fix);
    }
    for (String part : deployTo.substring(1).split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("deployTo must be a normalised path without '.', '..' or '//', was: "
            + deployTo + fix);
      }
    }
  }

  /** The layout under {@code deployTo}; refuses {@code /}, empty, relative and {@code ..} paths. */
  public static ReleaseLayout at(String deployTo) {
    return new ReleaseLayout(deployTo);
  }

  /** The directory that holds one directory per release. */
  public String releases() {
    return deployTo + "/releases";
  }

  /** The directory of release {@code id}. */
  public String release(ReleaseId id) {
    return releases() + "/" + id;
  }

  /** The symlink to the live release. */
  public String current() {
    return deployTo + "/current";
  }

  /** The directory whose paths are linked into every release. */
  public String shared() {
    return deployTo + "/shared";
  }

  /** The shared copy of a linked path, e.g. {@code shared/venv}. */
  public String shared(String relativePath) {
    return shared() + "/" + relativePath;
  }

  /** Slipway's own state: registry, lock, staging, dependency environments, caches. */
  public String state() {
    return deployTo + "/.slipway";
  }

  /** The release registry file. */
  public String registry() {
    return state() + "/releases";
  }

  /** The append-only history of deploys, rollbacks, failed attempts and broken locks. */
  public String history() {
    return state() + "/history";
  }

  /** The lock directory, created atomically with {@code mkdir}. */
  public String lock() {
    return state() + "/lock";
  }

  /** The file inside the lock that names its holder. */
  public String lockHolder() {
    return lock() + "/holder";
  }

  /** Where releases are assembled before they are renamed into {@link #releases()}. */
  public String staging() {
    return state() + "/staging";
  }

  /** The staging directory the next release is assembled in (one at a time: the lock is held). */
  public String next() {
    return staging() + "/next";
  }

  /** Where releases that failed before the switch are kept for inspection, up to {@code keepFailed}. */
  public String failed() {
    return state() + "/failed";
  }

  /** Where release {@code id} is kept if it fails before the switch. */
  public String failed(ReleaseId id) {
    return failed() + "/" + id;
  }

  /** Where dependency environments are built and kept. */
  public String environments() {
    return state() + "/envs";
  }
}
