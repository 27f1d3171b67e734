package dev.slipway.shell;

import dev.slipway.Host;
import dev.slipway.local.LocalTransport;
import java.util.List;
import java.util.Optional;

/**
 * How the shell's {@code --connect} opens an interactive login shell on a host: the local command
 * that does it (run attached to the user's terminal), or empty when the host's transport cannot
 * give an interactive session.
 *
 * <pre>{@code
 * Connector ssh = host -> host.name().startsWith("web")
 *     ? Optional.of(List.of("ssh", "-t", "deploy@" + host.name()))
 *     : Optional.empty();
 * }</pre>
 */
@FunctionalInterface
public interface Connector {

  /** The command line to run locally for an interactive login on {@code host}, if there is one. */
  Optional<List<String>> loginCommand(Host host);

  /**
   * Knows only hosts on this machine (the local transport): {@code $SHELL -l}, or {@code /bin/sh -l}
   * when {@code SHELL} is not set.
   */
  static Connector localOnly() {
    return host -> {
      if (host.unwrap(LocalTransport.class).isEmpty()) {
        return Optional.empty();
      }
      String shell = Optional.ofNullable(System.getenv("SHELL")).filter(s -> !s.isBlank()).orElse("/bin/sh");
      return Optional.of(List.of(shell, "-l"));
    };
  }
}
