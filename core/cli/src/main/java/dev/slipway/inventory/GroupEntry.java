package dev.slipway.inventory;

import java.util.List;

/** A group as read: its direct children and hosts, and its variable layers in precedence order. */
record GroupEntry(String name, List<String> children, List<String> hosts, List<Layer> layers) {

  GroupEntry {
    children = List.copyOf(children);
    hosts = List.copyOf(hosts);
    layers = List.copyOf(layers);
  }
}
