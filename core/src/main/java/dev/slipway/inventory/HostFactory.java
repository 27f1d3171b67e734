package dev.slipway.inventory;

import dev.slipway.Host;

/**
 * Turns an inventory entry into a connected {@link Host}. The SSH module maps
 * {@link InventoryHost#connection()} to its own host; tests map entries to fake hosts:
 *
 * <pre>{@code
 * List<Host> web = environment.hostsOf("web", entry -> FakeHost.named(entry.name()));
 * }</pre>
 *
 * The caller owns the hosts it gets and closes them.
 */
@FunctionalInterface
public interface HostFactory {

  /** A host for {@code entry}; its name should be {@code entry.name()}. */
  Host create(InventoryHost entry);
}
