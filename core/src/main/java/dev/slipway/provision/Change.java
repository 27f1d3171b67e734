package dev.slipway.provision;

import dev.slipway.Host;

/** The action that brings a host to the state a {@link Resource} describes. */
@FunctionalInterface
public interface Change {

  /** Changes {@code host}; a failure throws. */
  void apply(Host host);
}
