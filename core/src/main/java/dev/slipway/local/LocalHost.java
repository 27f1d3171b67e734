package dev.slipway.local;

import dev.slipway.Host;
import dev.slipway.spi.ForwardingHost;

/**
 * This machine as a {@link Host}: commands run through {@code /bin/sh} as the JVM's user, file
 * operations act on the local file system.
 *
 * <pre>{@code
 * LocalHost local = LocalHost.create();
 * local.cd("/tmp").run("tar -czf %s %s", "site.tgz", "site");
 * }</pre>
 *
 * <p>Its views ({@code cd}, {@code env}, {@code sudo}, ...) are plain {@code Host}s sharing its
 * transport.
 *
 * @see LocalTransport for how commands run, time out and get a pty
 */
public final class LocalHost extends ForwardingHost {
  private LocalHost(String name) {
    super(new LocalTransport(name).host(name));
  }

  /** This machine, named {@code local}. */
  public static LocalHost create() {
    return named("local");
  }

  /** This machine under another name, e.g. to play several roles in a test. */
  public static LocalHost named(String name) {
    return new LocalHost(name);
  }
}
