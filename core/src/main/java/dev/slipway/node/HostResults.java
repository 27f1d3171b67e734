package dev.slipway.node;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One {@link HostResult} per host, in the order of the hosts (never the order they finished in), so
 * output and reports are stable from run to run.
 *
 * <pre>{@code
 * HostResults<CommandResult> uptimes = hosts().run("uptime");
 * String web1 = uptimes.get("web-1").output();
 * HostResults<CommandResult> probes = hosts().execute(Command.shell("test -f /etc/nginx/nginx.conf"));
 * probes.failures().forEach(r -> log.warn("{} has no nginx config", r.host()));
 * }</pre>
 *
 * @param <T> the type of each host's value
 */
public final class HostResults<T> implements Iterable<HostResult<T>> {
  private final List<HostResult<T>> results;

  HostResults(List<HostResult<T>> results) {
    this.results = List.copyOf(results);
  }

  /** Every host's result, in host order. */
  public List<HostResult<T>> results() {
    return results;
  }

  /** The result of the host named {@code host}. */
  public HostResult<T> result(String host) {
    return results.stream().filter(r -> r.host().equals(host)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no result for host " + host + "; hosts: " + hosts()));
  }

  /**
   * The value of the host named {@code host}.
   *
   * @throws HostFailuresException if that host's task failed or was cancelled
   */
  public T get(String host) {
    HostResult<T> result = result(host);
    if (!result.succeeded()) {
      throw new HostFailuresException("result of " + host, new HostResults<>(List.of(result)));
    }
    return result.value();
  }

  /** The values of the hosts that succeeded, in host order (nulls dropped). */
  public List<T> values() {
    return succeeded().stream().map(HostResult::value).filter(Objects::nonNull).toList();
  }

  /** The host names, in order. */
  public List<String> hosts() {
    return results.stream().map(HostResult::host).toList();
  }

  /** The results of hosts whose task succeeded. */
  public List<HostResult<T>> succeeded() {
    return results.stream().filter(HostResult::succeeded).toList();
  }

  /** The results of hosts whose task failed or was cancelled. */
  public List<HostResult<T>> failures() {
    return results.stream().filter(r -> !r.succeeded()).toList();
  }

  /** Whether every host succeeded. */
  public boolean allSucceeded() {
    return results.stream().allMatch(HostResult::succeeded);
  }

  /**
   * These results, if every host succeeded.
   *
   * @param what what was run, for the message, e.g. {@code "echo hello"}
   * @throws HostFailuresException listing every host that did not succeed
   */
  public HostResults<T> orThrow(String what) {
    if (!allSucceeded()) {
      throw new HostFailuresException(what, this);
    }
    return this;
  }

  /** How many hosts. */
  public int size() {
    return results.size();
  }

  public Stream<HostResult<T>> stream() {
    return results.stream();
  }

  @Override
  public Iterator<HostResult<T>> iterator() {
    return results.iterator();
  }

  @Override
  public String toString() {
    return results.stream().map(r -> r.host() + "=" + r.status()).toList().toString();
  }
}
