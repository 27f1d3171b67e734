package dev.slipway.release;

import dev.slipway.Command;
import dev.slipway.Host;
import java.util.Optional;

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

  /**
   * This hook's whole work as one command, when it is only that (a service reload, say): the
   * release manager then sends it inside the step's own batch instead of a round trip of its own.
   * Run through {@code host}, the command must do what {@link #run} does, exit 0 when it succeeded,
   * and otherwise say why on the last line of its stderr. Empty (the default) means: call {@link #run}.
   */
  default Optional<Command> asCommand(Host host, Release release) {
    return Optional.empty();
  }
}
