package dev.slipway.examples.hello;

import dev.slipway.Host;
import dev.slipway.event.Event;
import dev.slipway.event.OutputEvent;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Action;
import dev.slipway.node.Execution;
import dev.slipway.node.Node;
import java.io.PrintStream;
import java.util.List;

/**
 * python-deployer's "hello world": one node class, {@link SayHello}, used twice in a tree: once
 * for this machine and once for remote machines.
 *
 * <pre>{@code
 * Node root = HelloWorld.tree(LocalHost.create(), List.of(remoteHost));
 * try (Execution execution = Execution.of(root)) {
 *   execution.invoke("/remote_hello", "hello", List.of());
 * }
 * }</pre>
 *
 * {@link #main} says hello on this machine and prints each host's output, prefixed by its name.
 */
public final class HelloWorld {
  private HelloWorld() {
  }

  /** Says hello on every host of the node. */
  public static class SayHello extends Node {
    @Action(description = "Run 'echo hello world' on every host")
    public void hello() {
      hosts().run("echo hello world");
    }
  }

  /**
   * The tree: {@code /local_hello} on {@code local}, and {@code /remote_hello} on {@code remote}
   * when it is not empty (any {@link Host}: an SSH host from the ssh module, or a fake in tests).
   */
  public static Node tree(Host local, List<Host> remote) {
    Node root = Node.root().child("local_hello", new SayHello(), roles -> roles.add("host", local));
    if (!remote.isEmpty()) {
      root.child("remote_hello", new SayHello(), roles -> roles.add("host", remote));
    }
    return root;
  }

  /** Says hello on this machine; prints what the command wrote, prefixed by the host name. */
  public static void main(String[] args) {
    sayHello(tree(LocalHost.create(), List.of()), "/local_hello", System.out);
  }

  /** Runs the {@code hello} action of the node at {@code path}, printing output lines to {@code out}. */
  public static void sayHello(Node root, String path, PrintStream out) {
    try (Execution execution = Execution.builder(root).listener(event -> print(event, out)).build()) {
      execution.invoke(path, "hello", List.of());
    }
  }

  private static void print(Event event, PrintStream out) {
    if (event instanceof OutputEvent line) {
      out.println("[" + line.host() + "] " + line.line());
    }
  }
}
