package dev.slipway.cli;

import dev.slipway.terminal.ExitCode;
import dev.slipway.cli.Launcher;
import dev.slipway.inventory.Environment;
import dev.slipway.node.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The entry point of a deployment program: a command line and an interactive shell over a node
 * tree (python-deployer's {@code start}).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Slipway.start(Node.root()
 *       .child("local_hello", new SayHello(), roles -> roles.add("host", LocalHost.create())), args);
 * }
 * }</pre>
 *
 * <pre>
 * hello run /local_hello hello          run an action (exit code 0, or 1 with the failing host and command)
 * hello run --dry-run /local_hello hello print and syntax-check the commands only
 * hello list | hello inspect /local_hello
 * hello                                  the interactive shell (on a terminal)
 * </pre>
 *
 * {@link #run} does the same without exiting the JVM, for embedding and tests. See
 * {@link dev.slipway.cli.Launcher} for the grammar and {@link ExitCode} for the exit codes.
 */
public final class Slipway {
  private Slipway() {
  }

  /** Runs the command line {@code args} on the tree of {@code root}, then exits the JVM with its exit code. */
  public static void start(Node root, String... args) {
    System.exit(onSystemTerminal(Launcher.builder(root)).run(args));
  }

  /**
   * Runs the command line {@code args} on a tree built from the inventory environment it selects
   * ({@code --inventory FILE [--env NAME] [-e KEY=VALUE]...}), then exits the JVM:
   *
   * <pre>{@code
   * Slipway.start(env -> Node.root().child("web", new Shop(),
   *     roles -> roles.add("host", env.hostsOf("web", sshHosts))), args);
   * }</pre>
   */
  public static void start(Function<Environment, Node> tree, String... args) {
    System.exit(onSystemTerminal(Launcher.builder(tree)).run(args));
  }

  /**
   * Runs the command line {@code args} on the tree of {@code root} with the given streams and no
   * terminal (questions read {@code in}; no shell), and returns the {@link ExitCode}.
   */
  public static int run(Node root, String[] args, InputStream in, PrintStream out, PrintStream err) {
    return Launcher.builder(root).streams(in, out, err).version(version()).build().run(args);
  }

  /** As {@link #run(Node, String[], InputStream, PrintStream, PrintStream)}, for a tree built from an inventory. */
  public static int run(Function<Environment, Node> tree, String[] args, InputStream in, PrintStream out,
                        PrintStream err) {
    return Launcher.builder(tree).streams(in, out, err).version(version()).build().run(args);
  }

  /** This library's version, from the jar's manifest; {@code development} when run from classes. */
  public static String version() {
    return Optional.ofNullable(Slipway.class.getPackage().getImplementationVersion()).orElse("development");
  }

  private static Launcher onSystemTerminal(Launcher.Builder launcher) {
    return launcher.terminal(Slipway::systemTerminal).version(version()).build();
  }

  private static Optional<Terminal> systemTerminal() {
    if (System.console() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TerminalBuilder.builder().system(true).build());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
