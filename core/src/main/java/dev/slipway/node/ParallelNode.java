package dev.slipway.node;

import dev.slipway.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A node whose hosts all do the same, independently: an action runs once per host of role
 * {@value Hosts#DEFAULT_ROLE}, in parallel, each run isolated so that it sees exactly one host
 * (python-deployer's {@code ParallelNode}). An array of stateless web servers is the typical case.
 *
 * <pre>{@code
 * class WebServer extends ParallelNode {
 *   @Action public void deploy(String commit) {
 *     host().cd("/srv/app").run("git checkout %s", commit);
 *     restart();
 *   }
 *   @Action public void restart() { host().sudo().run("systemctl restart nginx"); }
 *   @Action @IsolateOneOnly public void dbshell() { host().run("psql"); }   // one host only
 * }
 * }</pre>
 *
 * Run through an {@link Execution}, {@code deploy} returns a {@link HostResults} with one value per
 * host. Called from Java code, wrap the call: {@code web.onEachHost(() -> web.deploy("v2"))}, or
 * {@code web.onHost("web-2", () -> web.restart())}. Hosts of other roles stay visible in every
 * isolation through {@link #hosts()}.
 */
public class ParallelNode extends Node {

  /**
   * The one host of the current isolation (with the execution's listeners and dry-run). Outside an
   * isolation, the node's only host of role {@value Hosts#DEFAULT_ROLE} if it has exactly one.
   *
   * @throws IllegalStateException outside an isolation when the node has several hosts
   */
  public final Host host() {
    Hosts isolated = hosts().filter(Hosts.DEFAULT_ROLE);
    if (isolated.size() != 1) {
      throw new IllegalStateException(path() + " has " + isolated.size() + " hosts " + isolated.names()
          + " and no isolation is running: run the action through an Execution, or wrap the call in"
          + " onEachHost(() -> ...) or onHost(name, () -> ...)");
    }
    return isolated.any();
  }

  /** Runs {@code action} once per host, in parallel, each in its own isolation; returns each value. */
  public final <T> HostResults<T> onEachHost(Supplier<T> action) {
    return onEachHost(path(), action);
  }

  /** Runs {@code action} once per host, in parallel, each in its own isolation. */
  public final HostResults<Void> onEachHost(Runnable action) {
    return onEachHost(path(), () -> {
      action.run();
      return null;
    });
  }

  /** Runs {@code action} in the isolation of the host named {@code hostName} only. */
  public final <T> T onHost(String hostName, Supplier<T> action) {
    Scope scope = Scope.current();
    Host host = isolationHosts(scope).stream().filter(h -> h.name().equals(hostName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no host " + hostName + " in " + path() + "; hosts: "
            + isolationHosts(scope).stream().map(Host::name).toList()));
    return scope.isolate(this, host).call(action);
  }

  /** Runs {@code action} in the isolation of the host named {@code hostName} only. */
  public final void onHost(String hostName, Runnable action) {
    onHost(hostName, () -> {
      action.run();
      return null;
    });
  }

  /** Runs {@code action} once per host, naming it {@code what} in failure messages. */
  final <T> HostResults<T> onEachHost(String what, Supplier<T> action) {
    Scope scope = Scope.current();
    return new ParallelRunner(scope.settings().parallelism(), false, scope)
        .run(what, isolationHosts(scope), host -> scope.isolate(this, host).call(action))
        .orThrow(what);
  }

  private List<Host> isolationHosts(Scope scope) {
    return resolveRoles(scope, new ArrayList<>()).hosts(Hosts.DEFAULT_ROLE);
  }
}
