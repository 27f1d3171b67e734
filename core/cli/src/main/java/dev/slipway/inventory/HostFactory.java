package dev.slipway.inventory;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;

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

  /**
   * A factory that runs {@code ansible_connection=local} hosts on this machine ({@link LocalHost})
   * and makes every {@code ssh} host through {@code ssh}:
   * {@code HostFactory.localOr(entry -> SshHost.builder(entry.name())...build())}.
   */
  static HostFactory localOr(HostFactory ssh) {
    return byConnection(entry -> LocalHost.named(entry.name()), ssh);
  }

  /**
   * A factory that makes hosts with {@code ansible_connection=local} through {@code local} and
   * those with {@code ssh} (the default) through {@code ssh}, and refuses any other connection type.
   */
  static HostFactory byConnection(HostFactory local, HostFactory ssh) {
    return entry -> {
      Connection connection = entry.connection();
      if (connection.isLocal()) {
        return local.create(entry);
      }
      if (connection.type().equals("ssh")) {
        return ssh.create(entry);
      }
      throw new InventoryException("host " + entry.name() + " has ansible_connection=" + connection.type()
          + ", which Slipway cannot use; use ssh or local");
    };
  }
}
