package dev.slipway.release;

import dev.slipway.Host;

/**
 * Code run before or after a {@link Step} on one host, e.g. a migration after {@code update-code}
 * or a restart after {@code symlink}:
 *
 * <pre>{@code
 * releases.after(Step.SYMLINK, (host, release) ->
 *     host.sudo().run("systemctl restart %s", "flask-demo"));
 * }</pre>
 *
 * A hook that throws fails the deploy on that host: before the switch the new release is
 * discarded; after it, {@code current} is switched back.
 */
@FunctionalInterface
public interface Hook {

  /**
   * Runs on {@code host} for {@code release}, whose {@link Release#directory()} is where its
   * files are at that moment (the staging directory before {@link Step#PREPARE} ends).
   */
  void run(Host host, Release release) throws Exception;
}
