package dev.slipway.recipe;

import dev.slipway.release.LockHolder;
import dev.slipway.release.Release;
import dev.slipway.service.ServiceStatus;
import java.util.List;
import java.util.Optional;

/**
 * What {@code status} tells about one host.
 *
 * @param host the host's name
 * @param live the release {@code current} points at, if any
 * @param services each service's state
 * @param lock who holds the deploy lock, if anyone
 */
public record HostStatus(String host, Optional<Release> live, List<ServiceStatus> services, Optional<LockHolder> lock) {
  public HostStatus {
    services = List.copyOf(services);
  }

  /** One line, e.g. {@code web1: live v2 (20261202T061500Z), gunicorn running pid 4242, not locked}. */
  public String describe() {
    StringBuilder line = new StringBuilder(host + ": ");
    line.append(live.map(release -> "live " + release.version() + " (" + release.id() + ")").orElse("no live release"));
    services.forEach(service -> line.append(", ").append(service.service())
        .append(service.running() ? " running" + service.pid().stream().mapToObj(pid -> " pid " + pid)
            .findFirst().orElse("") : " stopped"));
    line.append(lock.map(holder -> ", locked by " + holder.describe()).orElse(", not locked"));
    return line.toString();
  }
}
