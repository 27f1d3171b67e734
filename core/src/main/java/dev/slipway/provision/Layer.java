package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A named group of resources applied together, in order: paquerette's {@code server},
 * {@code platform} and {@code instance}, or any names a recipe chooses.
 */
public record Layer(String name, List<Resource> resources) {
  public Layer {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a layer needs a name");
    }
    resources = List.copyOf(resources);
  }
}
