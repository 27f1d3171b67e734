package dev.slipway.node;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The hosts an action works on: an immutable collection grouped by role (python-deployer's
 * {@code HostsContainer}). Tasks run on every host in parallel, at most {@linkplain #parallelism()
 * N} at once, and come back as one result per host in host order. When some hosts fail, a
 * {@link HostFailuresException} names every one of them.
 *
 * <pre>{@code
 * hosts().run("echo hello");                                  // every host, in parallel
 * hosts().filter("web").cd("/srv/shop").run("git pull");      // only the web role
 * hosts().filter("web").inSequence().each(host -> restart(host));  // one by one, stop at a failure
 * hosts().filter("db").any().run("bin/migrate");              // just one host
 * HostResults<String> versions = hosts().map(host -> host.capture("cat VERSION"));
 * }</pre>
 *
 * <p>Hosts seen from an action carry the execution's settings (listeners, dry-run, parallelism,
 * cancellation) with them, so a {@code Hosts} captured in an action stays correct when used from
 * another thread. A host in several roles appears once. Thread-safe.
 */
public final class Hosts implements Iterable<Host> {
  /** The role that {@link #of(Host...)} puts hosts in, and that a {@link ParallelNode} isolates on. */
  public static final String DEFAULT_ROLE = "host";

  private final Roles roles;
  private final List<Host> hosts;
  private final Scope scope;
  private final int parallelism;
  private final boolean inSequence;

  private Hosts(Builder builder) {
    roles = builder.roles;
    hosts = roles.hosts();
    scope = builder.scope;
    parallelism = RunSettings.checkParallelism(builder.parallelism);
    inSequence = builder.inSequence;
  }

  /** {@code roles} seen from {@code scope}, run in parallel up to the execution's parallelism. */
  static Hosts of(Roles roles, Scope scope) {
    return new Hosts(new Builder(roles, scope));
  }

  /** These hosts with {@code change} applied to a builder of their settings. */
  private Hosts copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new Hosts(builder);
  }

  /** {@code hosts} in the role {@value #DEFAULT_ROLE}; see {@link #of(String, List)}. */
  public static Hosts of(Host... hosts) {
    return of(DEFAULT_ROLE, Arrays.asList(hosts));
  }

  /**
   * {@code hosts} in {@code role}. Inside an action they take the execution's settings (listeners,
   * dry-run, parallelism, cancellation), like the node's own hosts.
   */
  public static Hosts of(String role, List<? extends Host> hosts) {
    Scope scope = Scope.current();
    return of(Roles.builder().add(role, hosts).build().map(scope.settings()::view), scope);
  }

  /** Only the hosts in any of {@code roles}; each of them must exist (declared, maybe empty). */
  public Hosts filter(String... roles) {
    Roles.Builder kept = Roles.builder();
    for (String role : roles) {
      if (!this.roles.has(role)) {
        throw new IllegalArgumentException("no role '" + role + "' here; there are " + this.roles.describeRoles());
      }
      kept.add(role, this.roles.hosts(role));
    }
    return copy(builder -> builder.roles = kept.build());
  }

  /** The role names, in declaration order. */
  public Set<String> roles() {
    return roles.names();
  }

  /** The hosts, each once, in order. */
  public List<Host> list() {
    return hosts;
  }

  /** The host names, in order. */
  public List<String> names() {
    return list().stream().map(Host::name).toList();
  }

  /** How many distinct hosts. */
  public int size() {
    return list().size();
  }

  public boolean isEmpty() {
    return list().isEmpty();
  }

  /** The host named {@code name}. */
  public Host host(String name) {
    return list().stream().filter(h -> h.name().equals(name)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no host " + name + " here; hosts: " + names()));
  }

  /** One host, the first in order, for work that must happen once (a migration, a database client). */
  public Host any() {
    List<Host> list = list();
    if (list.isEmpty()) {
      throw new NoSuchElementException("no hosts here (" + roles.describeRoles() + ")");
    }
    return list.get(0);
  }

  /** How many hosts tasks run on at once. */
  public int parallelism() {
    return parallelism;
  }

  /** These hosts, running tasks on all of them at once up to the execution's parallelism. */
  public Hosts inParallel() {
    return inParallel(scope.settings().parallelism());
  }

  /** These hosts, running tasks on at most {@code limit} at once. */
  public Hosts inParallel(int limit) {
    return copy(builder -> builder.runOn(limit, false));
  }

  /** These hosts, running tasks one host at a time in order and stopping at the first failure. */
  public Hosts inSequence() {
    return copy(builder -> builder.runOn(1, true));
  }

  /** Every host seen through {@code view}, e.g. {@code h -> h.cd("/srv")}. */
  public Hosts view(UnaryOperator<Host> view) {
    return copy(builder -> builder.roles = roles.map(view));
  }

  /** A view whose commands run in {@code directory}. */
  public Hosts cd(String directory) {
    return view(host -> host.cd(directory));
  }

  /** A view whose commands see one more environment variable. */
  public Hosts env(String name, String value) {
    return view(host -> host.env(name, value));
  }

  /** A view whose commands are each preceded by {@code command}. */
  public Hosts prefix(String command) {
    return view(host -> host.prefix(command));
  }

  /** A view whose commands run as {@code user} through sudo. */
  public Hosts as(String user) {
    return view(host -> host.as(user));
  }

  /** A view whose commands run as root through sudo. */
  public Hosts sudo() {
    return view(Host::sudo);
  }

  /**
   * Runs {@code command} on every host.
   *
   * @throws HostFailuresException naming every host where it failed
   */
  public HostResults<CommandResult> run(Command command) {
    return execute(command).orThrow(command.toString());
  }

  /** Runs a shell line whose {@code %s} placeholders are replaced by the quoted {@code args}. */
  public HostResults<CommandResult> run(String template, Object... args) {
    return run(Command.format(template, args));
  }

  /**
   * Runs {@code command} on every host and reports each outcome without throwing: a non-zero exit
   * status (unless allowed) is a {@linkplain HostResult.Status#FAILED failed} result whose failure
   * is the {@link CommandFailedException}.
   */
  public HostResults<CommandResult> execute(Command command) {
    return runner().run(command.toString(), list(), host -> {
      CommandResult result = host.execute(command);
      if (!result.succeeded() && !command.failureAllowed()) {
        throw new CommandFailedException(host.context(), result);
      }
      return result;
    });
  }

  /**
   * Runs {@code task} on every host.
   *
   * @throws HostFailuresException naming every host where it threw
   */
  public HostResults<Void> each(Consumer<Host> task) {
    return map("task", host -> {
      task.accept(host);
      return null;
    });
  }

  /**
   * Runs {@code task} on every host and returns its values, in host order.
   *
   * @throws HostFailuresException naming every host where it threw
   */
  public <T> HostResults<T> map(Function<Host, T> task) {
    return map("task", task);
  }

  /** Like {@link #map(Function)}, naming the task {@code what} in failure messages. */
  public <T> HostResults<T> map(String what, Function<Host, T> task) {
    return runner().run(what, list(), task).orThrow(what);
  }

  private ParallelRunner runner() {
    return new ParallelRunner(parallelism, inSequence, scope);
  }

  @Override
  public Iterator<Host> iterator() {
    return list().iterator();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    roles.asMap().forEach((role, hosts) -> text.append(text.length() == 0 ? "" : ", ").append(role)
        .append('=').append(hosts.stream().map(Host::name).toList()));
    return "Hosts{" + text + "}";
  }

  /** The settings of one {@code Hosts} while it, or a copy of it, is being made. */
  private static final class Builder {
    private Roles roles;
    private final Scope scope;
    private int parallelism;
    private boolean inSequence;

    private Builder(Roles roles, Scope scope) {
      this.roles = requireNonNull(roles, "roles");
      this.scope = requireNonNull(scope, "scope");
      parallelism = scope.settings().parallelism();
    }

    private Builder(Hosts from) {
      roles = from.roles;
      scope = from.scope;
      parallelism = from.parallelism;
      inSequence = from.inSequence;
    }

    private void runOn(int hostsAtOnce, boolean oneByOne) {
      parallelism = hostsAtOnce;
      inSequence = oneByOne;
    }
  }
}
