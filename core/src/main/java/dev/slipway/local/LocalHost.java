package dev.slipway.local;

import dev.slipway.Host;

/**
 * This machine as a {@link Host}: commands run through {@code /bin/sh} as the JVM's user, file
 * operations act on the local file system.
 *
 * <pre>{@code
 * Host local = LocalHost.create();
 * local.cd("/tmp").run("tar -czf %s %s", "site.tgz", "site");
 * }</pre>
 *
 * @see LocalTransport for how commands run, time out and get a pty
 */
public final class LocalHost {
  private LocalHost() {}

  /** This machine, named {@code local}. */
  public static Host create() {
    return named("local");
  }

  /** This machine under another name, e.g. to play several roles in a test. */
  public static Host named(String name) {
    return new LocalTransport(name).host(name);
  }
}
