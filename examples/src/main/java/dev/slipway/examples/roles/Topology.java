package dev.slipway.examples.roles;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.node.RoleMapping;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which machines play which role of a {@link WebSystem}: all on one host for staging, spread over
 * many for production (the {@code class Hosts} of python-deployer's {@code StagingSystem} and
 * {@code ProductionSystem}). A topology is the role mapping given to the system's node:
 *
 * <pre>{@code
 * Topology production = Topology.builder()
 *     .loadBalancers(lb0, lb1).web(web1, web2, web3)
 *     .masterDb(masterDb).slaveDbs(slaveDb).queue(queueHost).cache(cacheHost)
 *     .build();
 * root.child("staging", new WebSystem(repository), Topology.oneHost(stagingHost))
 *     .child("production", new WebSystem(repository), production);
 * }</pre>
 */
public final class Topology implements Consumer<RoleMapping> {
  private final Map<String, List<Host>> hostsByRole;

  private Topology(Map<String, List<Host>> hostsByRole) {
    this.hostsByRole = hostsByRole;
  }

  /** Every role on {@code host}, with no database replica: a staging machine. */
  public static Topology oneHost(Host host) {
    return builder().loadBalancers(host).web(host).masterDb(host).queue(host).cache(host).build();
  }

  /** A topology to fill in role by role. */
  public static Builder builder() {
    return new Builder();
  }

  /** The hosts of {@code role}, in the order given; empty for a role without hosts. */
  public List<Host> hosts(String role) {
    return hostsByRole.getOrDefault(role, List.of());
  }

  /** Puts each role's hosts into the node's roles of the same name. */
  @Override
  public void accept(RoleMapping roles) {
    hostsByRole.forEach(roles::add);
  }

  /** Fills in a {@link Topology}; every role but {@code slave_db} needs at least one host. */
  public static final class Builder {
    private final Map<String, List<Host>> hostsByRole = new LinkedHashMap<>();

    private Builder() {
      WebSystem.ROLES.forEach(role -> hostsByRole.put(role, List.of()));
    }

    /** The hosts in front of the web servers. */
    public Builder loadBalancers(Host... hosts) {
      return put(WebSystem.LOAD_BALANCER, hosts);
    }

    /** The hosts that run the application. */
    public Builder web(Host... hosts) {
      return put(WebSystem.WEB, hosts);
    }

    /** The database master. */
    public Builder masterDb(Host host) {
      return put(WebSystem.MASTER_DB, host);
    }

    /** The database replicas; none is fine. */
    public Builder slaveDbs(Host... hosts) {
      return put(WebSystem.SLAVE_DB, hosts);
    }

    /** The hosts of the message queue. */
    public Builder queue(Host... hosts) {
      return put(WebSystem.QUEUE, hosts);
    }

    /** The hosts of the cache. */
    public Builder cache(Host... hosts) {
      return put(WebSystem.CACHE, hosts);
    }

    /**
     * The topology.
     *
     * @throws IllegalStateException naming the first role, other than {@code slave_db}, without a host
     */
    public Topology build() {
      hostsByRole.forEach((role, hosts) -> {
        if (hosts.isEmpty() && !role.equals(WebSystem.SLAVE_DB)) {
          throw new IllegalStateException("a WebSystem needs at least one host in role '" + role
              + "': give it one in the builder before build()");
        }
      });
      return new Topology(Map.copyOf(hostsByRole));
    }

    private Builder put(String role, Host... hosts) {
      Arrays.stream(hosts).forEach(host -> requireNonNull(host, role + " host"));
      hostsByRole.put(role, List.of(hosts));
      return this;
    }
  }
}
