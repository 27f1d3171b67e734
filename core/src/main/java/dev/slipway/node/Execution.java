package dev.slipway.node;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.SlipwayException;
import dev.slipway.console.Console;
import dev.slipway.event.EventListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the actions of a node tree (python-deployer's {@code Env}): every host an action touches
 * reports its events to the listeners, runs in dry-run if asked (commands printed to the log and
 * checked with {@code sh -n}, not run), and works on at most {@code parallelism} hosts at once.
 * {@link #cancel()} stops starting host tasks and interrupts the running ones; {@link #close()}
 * closes every host of the tree. Nothing is printed to stdout; logging goes through SLF4J.
 *
 * <pre>{@code
 * try (Execution execution = Execution.builder(root)
 *         .parallelism(4)
 *         .listener(event -> progress.update(event))
 *         .build()) {
 *   execution.invoke("/production/web", "deploy", List.of("v2"));     // arguments converted
 *   execution.withDryRun(true).invoke("/production/web", "restart", List.of());
 * }
 * }</pre>
 *
 * Building an execution builds the tree, so an {@link InvalidTreeException} comes first. Thread-safe.
 */
public final class Execution implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Execution.class);

  private final Node root;
  private final RunSettings settings;
  private final HostChooser chooser;
  private final AtomicBoolean closed;

  private Execution(Node root, RunSettings settings, HostChooser chooser, AtomicBoolean closed) {
    this.root = root;
    this.settings = settings;
    this.chooser = chooser;
    this.closed = closed;
  }

  /** An execution of {@code root} with default settings. */
  public static Execution of(Node root) {
    return builder(root).build();
  }

  /** Starts configuring an execution of the tree {@code root} is in. */
  public static Builder builder(Node root) {
    return new Builder(root);
  }

  /** The root of the tree. */
  public Node root() {
    return root;
  }

  /** Whether commands are only printed and syntax-checked. */
  public boolean dryRun() {
    return settings.dryRun();
  }

  /** How many hosts tasks run on at once, unless an action asks otherwise. */
  public int parallelism() {
    return settings.parallelism();
  }

  /** The console actions ask their questions on ({@link Node#console()}). */
  public Console console() {
    return settings.console();
  }

  /** This execution with dry-run on or off; it shares cancellation and closing with this one. */
  public Execution withDryRun(boolean on) {
    return new Execution(root, settings.withDryRun(on), chooser, closed);
  }

  /** The hosts of {@code node} as its actions see them in this execution (for ad-hoc commands). */
  public Hosts hosts(Node node) {
    checkInTree(node);
    return Scope.of(settings).call(node::hosts);
  }

  /**
   * Runs the action {@code action} of the node at {@code path} with {@code arguments} converted to
   * its parameter types.
   *
   * @return what the action returned; for a {@link ParallelNode}, a {@link HostResults} per host
   * @throws SlipwayException if there is no such node or action
   * @throws ActionArgumentException if the arguments do not fit the parameters
   * @throws HostFailuresException if a ParallelNode action failed on some hosts
   */
  public Object invoke(String path, String action, List<String> arguments) {
    Node node = root.find(path).orElseThrow(() -> new SlipwayException("no node at " + path + "; nodes: "
        + root.walk().map(Node::path).toList()));
    return invoke(node, action, arguments);
  }

  /** Runs the action {@code action} of {@code node} with {@code arguments} converted from text. */
  public Object invoke(Node node, String action, List<String> arguments) {
    ActionInfo info = action(node, action);
    return dispatch(node, info, info.parse(arguments));
  }

  /** Runs the action {@code action} of {@code node} with arguments already of the right types. */
  public Object call(Node node, String action, Object... arguments) {
    ActionInfo info = action(node, action);
    if (arguments.length != info.parameters().size()) {
      throw new ActionArgumentException(action + " takes " + info.parameters().size() + " arguments "
          + info.signature() + ", got " + arguments.length);
    }
    return dispatch(node, info, arguments.clone());
  }

  /** Runs Java code as if it were an action: its hosts carry this execution's settings. */
  public <T> T run(Supplier<T> work) {
    try {
      return settings.control().interruptible(() -> Scope.of(settings).call(work));
    } finally {
      clearCancellationInterrupt();
    }
  }

  /** Stops starting new host tasks and interrupts the running ones; running actions then fail. */
  public void cancel() {
    log.info("cancelling the execution of {}", root);
    settings.control().cancel();
  }

  /** Whether {@link #cancel()} was called. */
  public boolean cancelled() {
    return settings.control().cancelled();
  }

  /** Closes every host of the tree, each once; a host that fails to close is logged and skipped. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Map<String, Host> hosts = new LinkedHashMap<>();
    root.walk().forEach(node -> node.resolveRoles(Scope.of(settings), new ArrayList<>()).hosts()
        .forEach(host -> hosts.putIfAbsent(host.name(), host)));
    hosts.values().forEach(host -> {
      try {
        host.close();
      } catch (RuntimeException e) {
        log.warn("could not close host {}: {}", host.name(), e.toString());
      }
    });
  }

  private Object dispatch(Node node, ActionInfo action, Object[] arguments) {
    String what = node.path() + " " + action.name();
    Instant start = Instant.now();
    log.info("{}{}", what, settings.dryRun() ? " (dry-run)" : "");
    Object result = run(() -> {
      if (node instanceof ParallelNode parallel) {
        return action.isolateOneOnly()
            ? parallel.onHost(choose(parallel, action), () -> action.invoke(node, arguments))
            : parallel.onEachHost(what, () -> action.invoke(node, arguments));
      }
      return action.invoke(node, arguments);
    });
    log.debug("{} finished in {} ms", what, Duration.between(start, Instant.now()).toMillis());
    return result;
  }

  private String choose(ParallelNode node, ActionInfo action) {
    Hosts candidates = node.hosts().filter(Hosts.DEFAULT_ROLE);
    Host chosen = requireNonNull(chooser.choose(node, action, candidates), "the host chooser returned null");
    return candidates.host(chosen.name()).name();
  }

  private ActionInfo action(Node node, String action) {
    checkInTree(node);
    return node.action(action).orElseThrow(() -> new SlipwayException("no action '" + action + "' in "
        + node.path() + "; its actions: " + node.actions().stream().map(ActionInfo::name).toList()));
  }

  private void checkInTree(Node node) {
    if (node.rootNode() != root) {
      throw new IllegalArgumentException(node + " is not in the tree of this execution (root " + root + ")");
    }
  }

  // A cancel interrupts the threads it finds; that must not leak into the caller's next wait.
  private void clearCancellationInterrupt() {
    if (settings.control().cancelled()) {
      Thread.interrupted();
    }
  }

  /**
   * Picks the host an {@link IsolateOneOnly} action runs on, e.g. by asking the user. The default
   * picks the first host.
   */
  @FunctionalInterface
  public interface HostChooser {
    /** One of {@code candidates}, the hosts of role {@value Hosts#DEFAULT_ROLE} of {@code node}. */
    Host choose(ParallelNode node, ActionInfo action, Hosts candidates);
  }

  /** Configures an {@link Execution}; {@link #build()} builds (and checks) the tree. */
  public static final class Builder {
    private final Node root;
    private final List<EventListener> listeners = new ArrayList<>();
    private boolean dryRun;
    private int parallelism = RunSettings.DEFAULT_PARALLELISM;
    private HostChooser chooser = (node, action, candidates) -> candidates.any();
    private Console console = Console.nonInteractive(System.out, false);

    private Builder(Node root) {
      this.root = requireNonNull(root, "root").rootNode();
    }

    /** Only print and syntax-check commands (default: off). */
    public Builder dryRun(boolean on) {
      this.dryRun = on;
      return this;
    }

    /** Work on at most {@code limit} hosts at once (default: 8). */
    public Builder parallelism(int limit) {
      this.parallelism = RunSettings.checkParallelism(limit);
      return this;
    }

    /** Report every host's events (commands, output, connections) to {@code listener}. */
    public Builder listener(EventListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Where actions ask questions and show progress ({@link Node#console()}); default: a
     * non-interactive console on standard output, which takes every question's default.
     */
    public Builder console(Console console) {
      this.console = requireNonNull(console, "console");
      return this;
    }

    /** How to pick the host of an {@link IsolateOneOnly} action (default: the first). */
    public Builder chooseHost(HostChooser chooser) {
      this.chooser = requireNonNull(chooser, "chooser");
      return this;
    }

    /**
     * The execution.
     *
     * @throws InvalidTreeException if the tree has problems
     */
    public Execution build() {
      root.build();
      return new Execution(root, new RunSettings(listeners, dryRun, parallelism, new Control(), console), chooser,
          new AtomicBoolean());
    }
  }
}
