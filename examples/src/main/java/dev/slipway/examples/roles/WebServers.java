package dev.slipway.examples.roles;

import dev.slipway.node.Action;

/**
 * The application servers behind the load balancer: a {@link Service} whose restart goes one host
 * at a time, so the others keep answering while each one comes back.
 */
public class WebServers extends Service {
  /** The app servers, run by {@code unit} on every host of the node. */
  public WebServers(String unit) {
    super(unit);
  }

  @Override
  @Action(description = "Restart the app server one host at a time, stopping at the first failure")
  public void restart() {
    systemctl(hosts().inSequence(), "restart");
  }
}
