package dev.slipway.examples.roles;

import dev.slipway.Command;
import dev.slipway.node.Action;
import dev.slipway.node.HostResults;
import dev.slipway.node.Hosts;
import dev.slipway.node.Node;
import dev.slipway.node.Required;

/**
 * A systemd service on every host of the node, started, stopped and restarted through sudo
 * (python-deployer's {@code UpstartService}, with systemd in place of upstart). The unit is a
 * required setting, given to the constructor or by a subclass:
 *
 * <pre>{@code
 * root.child("cache", new Service("redis-server"), RoleMapping.mapRoles("host", "cache"));
 * }</pre>
 */
public class Service extends Node {
  /** The systemd unit, e.g. {@code redis-server}. */
  @Required("the systemd unit, e.g. redis-server")
  protected String unit;

  /** A service whose unit a subclass sets. */
  protected Service() {
  }

  /** A service of {@code unit} on every host of the node. */
  public Service(String unit) {
    this.unit = unit;
  }

  /** The systemd unit. */
  public String unit() {
    return unit;
  }

  @Action(description = "Start the service on every host")
  public void start() {
    systemctl("start");
  }

  @Action(description = "Stop the service on every host")
  public void stop() {
    systemctl("stop");
  }

  @Action(description = "Restart the service on every host")
  public void restart() {
    systemctl("restart");
  }

  @Action(description = "Show whether the service is active on each host")
  public HostResults<String> status() {
    Command isActive = Command.cmd("systemctl", "is-active", unit).allowFailure();
    return hosts().map("systemctl is-active", host -> host.run(isActive).output());
  }

  /** Runs {@code systemctl VERB unit} as root on every host of {@code hosts}. */
  protected final void systemctl(Hosts hosts, String verb) {
    hosts.sudo().run(Command.cmd("systemctl", verb, unit));
  }

  private void systemctl(String verb) {
    systemctl(hosts(), verb);
  }
}
