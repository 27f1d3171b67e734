package dev.slipway.examples.hello;

import dev.slipway.Host;
import dev.slipway.event.Event;
import dev.slipway.event.OutputEvent;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Action;
import dev.slipway.node.Execution;
import dev.slipway.node.Node;
import dev.slipway.ssh.SshHost;
import java.io.PrintStream;
import java.nio.file.Path;
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
 * {@link #main} says hello on this machine, and over SSH when given a host, printing each host's
 * output prefixed by its name:
 *
 * <pre>
 * HelloWorld                                              # this machine only
 * HelloWorld john@192.168.0.200:22 ~/.ssh/id_ed25519      # and john's account there
 * HelloWorld john@192.168.0.200 ~/.ssh/id_ed25519 /tmp/known_hosts
 * </pre>
 *
 * The remote host's key must be in known_hosts ({@code ~/.ssh/known_hosts} unless a third argument
 * names another file): connect once with {@code ssh} to add it. {@link HelloShell} puts the same
 * tree behind the launcher and its interactive shell.
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

  /**
   * Says hello on this machine, then on {@code args[0]} ({@code [user@]address[:port]}) over SSH
   * with the private key {@code args[1]} and known_hosts {@code args[2]} if given.
   */
  public static void main(String[] args) {
    if (args.length == 0) {
      sayHello(tree(LocalHost.create(), List.of()), "/local_hello", System.out);
      return;
    }
    Path knownHosts = args.length > 2 ? Path.of(args[2]) : null;
    try (Host remote = sshHost(args[0], Path.of(args[1]), knownHosts)) {
      Node root = tree(LocalHost.create(), List.of(remote));
      sayHello(root, List.of("/local_hello", "/remote_hello"), System.out);
    }
  }

  /**
   * A host reached over SSH at {@code target}, {@code [user@]address[:port]}, named by its address,
   * logging in with {@code identity}; host keys checked against {@code knownHosts}, or
   * {@code ~/.ssh/known_hosts} when it is null.
   */
  public static Host sshHost(String target, Path identity, Path knownHosts) {
    SshHost.Builder host;
    try {
      host = SshHost.builder(target).identity(identity);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an SSH target: '" + target + "'; write [user@]address[:port],"
          + " e.g. john@192.168.0.200:22", e);
    }
    return (knownHosts == null ? host : host.knownHosts(knownHosts)).build();
  }

  /** Runs the {@code hello} action of the node at {@code path}, printing output lines to {@code out}. */
  public static void sayHello(Node root, String path, PrintStream out) {
    sayHello(root, List.of(path), out);
  }

  /**
   * Runs the {@code hello} action of the nodes at {@code paths} in turn, in one execution: each host
   * connects once, and is closed at the end.
   */
  public static void sayHello(Node root, List<String> paths, PrintStream out) {
    try (Execution execution = Execution.builder(root).listener(event -> print(event, out)).build()) {
      paths.forEach(path -> execution.invoke(path, "hello", List.of()));
    }
  }

  private static void print(Event event, PrintStream out) {
    if (event instanceof OutputEvent line) {
      out.println("[" + line.host() + "] " + line.line());
    }
  }
}
