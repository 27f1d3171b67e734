package dev.slipway.provision;

import dev.slipway.Host;

/**
 * One piece of a server's state (a package, a user, a file…) that {@link Provisioning} converges.
 *
 * <p>{@link #plan} only reads the host, also in a dry run, and answers what differs; the
 * provisioning applies the plan's changes unless the host is a dry-run view. Implement it for your
 * own resources: {@code plan} must answer {@link Plan#unchanged()} once the changes were applied.
 */
public interface Resource {

  /** What this resource is, for the report, e.g. {@code file /etc/notes.conf}. */
  String describe();

  /** What differs on {@code host} and how to change it; reads only. */
  Plan plan(Host host);
}
