package dev.slipway.service;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * Whether a service runs on a host, as its supervisor (systemd or a pidfile) reports it.
 *
 * @param host the host's name
 * @param service the service's name
 * @param running whether its main process is alive
 * @param pid the main process id, when running
 * @param detail the supervisor's own words, e.g. {@code active (running)} or
 *     {@code not running (stale pidfile, pid 4242)}
 */
public record ServiceStatus(String host, String service, boolean running, OptionalLong pid, String detail) {
  public ServiceStatus {
    requireNonNull(host, "host");
    requireNonNull(service, "service");
    requireNonNull(pid, "pid");
    requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return service + " on " + host + ": " + detail + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "");
  }
}
