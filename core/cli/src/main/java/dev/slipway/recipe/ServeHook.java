package dev.slipway.recipe;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.release.Hook;
import dev.slipway.release.Release;
import dev.slipway.service.Service;
import java.util.Optional;

/**
 * A recipe's service after the switch: it serves the release that went live, as one command inside
 * the switch's batch when the service offers one ({@link Service#serveCommand}).
 */
final class ServeHook implements Hook {
  private final Service service;

  ServeHook(Service service) {
    this.service = requireNonNull(service, "service");
  }

  @Override
  public void run(Host host, Release release) {
    service.serve(host, release);
  }

  @Override
  public Optional<Command> asCommand(Host host, Release release) {
    return service.serveCommand(host, release);
  }

  @Override
  public String toString() {
    return "serve " + service.name();
  }
}
