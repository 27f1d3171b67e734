package dev.slipway.node;

import static java.util.Objects.requireNonNull;

import dev.slipway.console.Console;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A unit of deploy logic: a plain Java class whose public {@link Action} methods a user can run,
 * with child nodes and roles (python-deployer's {@code Node}). Inside an action, {@link #hosts()}
 * is every host the node has, grouped by role:
 *
 * <pre>{@code
 * class SayHello extends Node {
 *   @Action public void hello() { hosts().run("echo hello world"); }
 * }
 *
 * Node root = Node.root()
 *     .child("local_hello", new SayHello(), roles -> roles.add("host", LocalHost.create()))
 *     .child("remote_hello", new SayHello(), roles -> roles.add("host", remoteHost));
 * }</pre>
 *
 * <h2>Reuse</h2>
 * Nodes reuse by inheritance (a subclass adds actions, overrides them or fills in {@link Required}
 * settings) and by composition (a constructor adds children with {@link #child}). A child takes its
 * parent's roles, renamed or not: see {@link RoleMapping}.
 *
 * <h2>Building</h2>
 * The tree is built the first time it is used (an {@link Execution}, {@link #hosts()},
 * {@link #actions()}) or by {@link #build()}: actions are found, {@link Required} settings and
 * {@link #requires(Requirements)} checked and roles resolved, and every problem of every node is
 * reported in one {@link InvalidTreeException}. After that the tree is frozen.
 *
 * <h2>Running and testing</h2>
 * An {@link Execution} runs actions by path and name with listeners, dry-run, parallelism and
 * cancellation. An action is also a plain method: a unit test gives the node fake hosts and calls it.
 * <pre>{@code
 * FakeHost web = FakeHost.named("web1").when("echo hello world").thenOutput("hello world\n");
 * SayHello node = new SayHello();
 * node.roles(roles -> roles.add("host", web));
 * node.hello();
 * assertThat(web.commands()).containsExactly("echo hello world");
 * }</pre>
 * {@code hosts()} learns the running execution from the current thread, which Slipway sets on every
 * thread it starts; code that starts its own threads should call {@code hosts()} before and hand the
 * {@link Hosts} over.
 *
 * <h2>Inspection</h2>
 * {@link #path()}, {@link #children()}, {@link #actions()}, {@link #find(String)},
 * {@link #walk(NodeFilter)} and {@link #group()} describe the tree for the launcher and shell.
 * These method names (and {@code hosts}, {@code console}, {@code child}, {@code roles}) are taken in subclasses.
 */
public class Node {
  private String name = "";
  private Node parent;
  private final Map<String, Node> children = new LinkedHashMap<>();
  private final RoleMapping roleMapping = new RoleMapping();
  private Group group;
  private volatile List<ActionInfo> actions;

  /** A node with no children, roles or actions of its own; subclasses add them. */
  public Node() {
  }

  /** An empty root node, to add children to. */
  public static Node root() {
    return new Node();
  }

  /** An empty root node with hosts given by {@code roles}, e.g. {@code r -> r.add("web", a, b)}. */
  public static Node root(Consumer<RoleMapping> roles) {
    return new Node().roles(roles);
  }

  /** Adds {@code child} under {@code name}; it takes every role of this node. Returns this node. */
  public final Node child(String name, Node child) {
    return child(name, child, roles -> { });
  }

  /**
   * Adds {@code child} under {@code name}, its roles given by {@code roles}. Returns this node.
   *
   * @throws IllegalArgumentException if the name is taken or invalid, or the child already has a parent
   * @throws IllegalStateException if the tree is already built
   */
  public final Node child(String name, Node child, Consumer<RoleMapping> roles) {
    requireNonNull(child, "child");
    checkNotBuilt("add child " + name);
    checkName(name);
    if (children.containsKey(name)) {
      throw new IllegalArgumentException(path() + " already has a child named '" + name + "'");
    }
    if (child.isBuilt()) {
      throw new IllegalArgumentException("cannot add " + child + " as " + name + " under " + path()
          + ": its own tree is already built (it was used); add children before using a node");
    }
    if (child.parent != null || child == rootNode()) {
      throw new IllegalArgumentException("cannot add " + child.getClass().getSimpleName() + " as " + name
          + " under " + path() + ": it is already in a tree at " + child.path() + "; create another instance");
    }
    roles.accept(child.roleMapping);
    child.name = name;
    child.parent = this;
    children.put(name, child);
    return this;
  }

  /** Gives this node hosts or renames its parent's roles (see {@link RoleMapping}). Returns this node. */
  public final Node roles(Consumer<RoleMapping> roles) {
    checkNotBuilt("change roles of");
    roles.accept(roleMapping);
    return this;
  }

  /** Puts this node (and the children without a group of their own) in {@code group}. Returns this node. */
  public final Node inGroup(Group group) {
    checkNotBuilt("change the group of");
    this.group = requireNonNull(group, "group");
    return this;
  }

  /** This node's group, or its nearest ancestor's; empty if none has one. */
  public final Optional<Group> group() {
    for (Node node = this; node != null; node = node.parent) {
      if (node.group != null) {
        return Optional.of(node.group);
      }
    }
    return Optional.empty();
  }

  /**
   * Override to check settings that {@link Required} cannot express; called when the tree is built.
   * Report problems through {@code requirements}, don't throw.
   */
  protected void requires(Requirements requirements) {
  }

  /**
   * The hosts of this node by role, as the running action sees them: with the execution's listeners,
   * dry-run and parallelism; inside a {@link ParallelNode} isolation, role {@value Hosts#DEFAULT_ROLE}
   * holds only the isolated host.
   */
  public final Hosts hosts() {
    build();
    Scope scope = Scope.current();
    Roles roles = resolveRoles(scope, new ArrayList<>()).map(scope.settings()::view);
    return Hosts.of(roles, scope);
  }

  /**
   * Where this action asks questions, warns and shows progress: the launcher's terminal in the
   * shell, a non-interactive console (defaults only) with {@code --non-interactive} or outside
   * any execution.
   */
  protected final Console console() {
    return Scope.current().settings().console();
  }

  /**
   * Builds the whole tree this node is in, once: finds actions, checks settings and role mappings.
   * Returns this node.
   *
   * @throws InvalidTreeException listing every problem, each with its node's path
   */
  public final Node build() {
    if (actions == null) {
      TreeBuilder.build(rootNode());
    }
    return this;
  }

  /** The name under its parent; empty for the root. */
  public final String nodeName() {
    return name;
  }

  /** The path from the root, e.g. {@code /production/web}; {@code /} for the root. */
  public final String path() {
    return parent == null ? "/" : parent.parent == null ? "/" + name : parent.path() + "/" + name;
  }

  /** The parent; empty for the root. */
  public final Optional<Node> parent() {
    return Optional.ofNullable(parent);
  }

  /** The root of the tree this node is in (itself if it has no parent). */
  public final Node rootNode() {
    Node node = this;
    while (node.parent != null) {
      node = node.parent;
    }
    return node;
  }

  /** The children, in the order they were added. */
  public final List<Node> children() {
    return List.copyOf(children.values());
  }

  /**
   * The node at {@code path}: absolute ({@code /production/web}) or relative to this node
   * ({@code web}, {@code ../staging}, {@code .}); empty if there is none.
   */
  public final Optional<Node> find(String path) {
    Node node = path.startsWith("/") ? rootNode() : this;
    for (String step : path.split("/")) {
      if (step.isEmpty() || step.equals(".")) {
        continue;
      }
      node = step.equals("..") ? node.parent : node.children.get(step);
      if (node == null) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /** The actions of this node, sorted by name (builds the tree if needed). */
  public final List<ActionInfo> actions() {
    build();
    return actions;
  }

  /** The action called {@code name}, if this node has one. */
  public final Optional<ActionInfo> action(String name) {
    return actions().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** This node and every node below it, parents before children. */
  public final Stream<Node> walk() {
    return Stream.concat(Stream.of(this), children.values().stream().flatMap(Node::walk));
  }

  /** The nodes of {@link #walk()} that match {@code filter}. */
  public final Stream<Node> walk(NodeFilter filter) {
    return walk().filter(filter::test);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + " " + path();
  }

  /** This node's roles, resolved from the root down; the isolated host replaces role "host" where isolated. */
  Roles resolveRoles(Scope scope, List<String> problems) {
    Roles parentRoles = parent == null ? Roles.NONE : parent.resolveRoles(scope, problems);
    Roles roles = ownRoles(parentRoles, problems);
    return scope.isolatedHost(this).map(host -> roles.isolate(Hosts.DEFAULT_ROLE, host)).orElse(roles);
  }

  /** This node's roles given its parent's. */
  Roles ownRoles(Roles parentRoles, List<String> problems) {
    return roleMapping.resolve(parentRoles, path(), problems);
  }

  /** Records the actions found when the tree was built; freezes this node. */
  void built(List<ActionInfo> found) {
    this.actions = found;
  }

  boolean isBuilt() {
    return actions != null;
  }

  private void checkNotBuilt(String what) {
    if (rootNode().isBuilt()) {
      throw new IllegalStateException("cannot " + what + " " + path() + ": its tree is already built;"
          + " finish the tree before running actions or inspecting it");
    }
  }

  static boolean isValidName(String name) {
    return name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  }

  private static void checkName(String name) {
    requireNonNull(name, "name");
    if (!isValidName(name)) {
      throw new IllegalArgumentException("not a valid node name: '" + name
          + "' (use letters, digits, '_', '-' and '.', not starting with '-' or '.')");
    }
  }
}
