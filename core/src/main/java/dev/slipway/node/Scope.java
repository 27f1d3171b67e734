package dev.slipway.node;

import dev.slipway.Host;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the code running on the current thread belongs to: the execution's settings and, inside a
 * {@link ParallelNode} isolation, the node and its one host.
 *
 * <p>Why a thread-local: actions are plain methods that call {@code hosts()} on {@code this}, and
 * one ParallelNode instance runs on several hosts at once, so the host an action sees cannot be a
 * field of the node. Slipway sets the scope on the threads it starts (actions, host tasks); code
 * that starts its own threads should capture {@code hosts()} first, since a {@link Hosts} carries
 * its settings with it.
 */
final class Scope {
  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private final RunSettings settings;
  private final Node isolatedNode;
  private final Host isolatedHost;

  private Scope(RunSettings settings, Node isolatedNode, Host isolatedHost) {
    this.settings = settings;
    this.isolatedNode = isolatedNode;
    this.isolatedHost = isolatedHost;
  }

  static Scope of(RunSettings settings) {
    return new Scope(settings, null, null);
  }

  /** The scope of the current thread, or a standalone one outside any execution. */
  static Scope current() {
    Scope scope = CURRENT.get();
    return scope != null ? scope : of(RunSettings.standalone());
  }

  RunSettings settings() {
    return settings;
  }

  /** This scope inside the isolation of {@code node} on {@code host}. */
  Scope isolate(Node node, Host host) {
    return new Scope(settings, node, host);
  }

  /** The host {@code node} is isolated on, if this scope is inside its isolation. */
  Optional<Host> isolatedHost(Node node) {
    return node == isolatedNode ? Optional.of(isolatedHost) : Optional.empty();
  }

  Optional<Node> isolatedNode() {
    return Optional.ofNullable(isolatedNode);
  }

  /** Runs {@code work} with this scope as the current thread's, restoring the previous one after. */
  <T> T call(Supplier<T> work) {
    Scope previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
