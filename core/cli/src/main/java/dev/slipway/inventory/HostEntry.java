package dev.slipway.inventory;

import java.util.List;

/** A host as read: its variable layers in precedence order (inventory lines, then host_vars files). */
record HostEntry(String name, List<Layer> layers) {

  HostEntry {
    layers = List.copyOf(layers);
  }
}
