package dev.slipway.cli;

import static java.util.Objects.requireNonNull;

import dev.slipway.terminal.ExitCode;
import dev.slipway.terminal.ActionRunner;
import dev.slipway.terminal.RunOptions;
import dev.slipway.SlipwayException;
import dev.slipway.terminal.TerminalConsole;
import dev.slipway.inventory.Environment;
import dev.slipway.inventory.InventoryException;
import dev.slipway.node.Node;
import dev.slipway.shell.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import picocli.CommandLine;

/**
 * The command line of a Slipway program ({@link dev.slipway.Slipway#start}): parses the arguments
 * with picocli, then runs an action, prints the tree, or opens the interactive shell.
 *
 * <pre>{@code
 * int exit = Launcher.builder(root).streams(in, out, err).build().run("run", "/remote_hello", "hello");
 * }</pre>
 *
 * <p>The grammar:
 *
 * <pre>
 * PROGRAM [run] [--path PATH] [--dry-run] [--non-interactive] [--yes] [--parallelism N] [--log FILE]
 *               [--env NAME] [--inventory FILE] [-e KEY=VALUE]... [PATH] [--] [ACTION [ARG...]]
 * PROGRAM list [PATH]
 * PROGRAM inspect PATH
 * PROGRAM --help | --version
 * </pre>
 *
 * A first word starting with {@code /} is the node path ({@code run /remote_hello hello}); otherwise
 * the path is {@code --path} or the root. Without an action, {@code run} (or no command at all)
 * opens the interactive shell at that node, when there is a terminal. Put {@code --} before
 * arguments that start with {@code -}. See {@link ExitCode} for the exit codes.
 */
public final class Launcher {
  private final TreeSource trees;
  private final InputStream in;
  private final OutputStream out;
  private final PrintWriter err;
  private final Supplier<Optional<Terminal>> terminal;
  private final Path history;
  private final String name;
  private final String version;

  private Launcher(Builder builder) {
    this.trees = builder.trees;
    this.in = builder.in;
    this.out = builder.out;
    this.err = new PrintWriter(builder.err, true, StandardCharsets.UTF_8);
    this.terminal = once(builder.terminal);
    this.history = builder.history;
    this.name = builder.name;
    this.version = builder.version;
  }

  /** Starts configuring the launcher of the tree {@code root} is in. */
  public static Builder builder(Node root) {
    return new Builder(TreeSource.fixed(requireNonNull(root, "root")));
  }

  /**
   * Starts configuring the launcher of a tree built from an inventory environment, chosen on the
   * command line with {@code --inventory FILE [--env NAME] [-e KEY=VALUE]...}.
   */
  public static Builder builder(Function<Environment, Node> tree) {
    return new Builder(TreeSource.fromInventory(requireNonNull(tree, "tree")));
  }

  /** Parses {@code args} and does what they say; returns the {@link ExitCode}. */
  public int run(String... args) {
    CommandLine line = Commands.commandLine(this, name, version);
    line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    line.setErr(err);
    line.setParameterExceptionHandler((e, arguments) -> {
      err.println("error: " + e.getMessage() + " (see --help)");
      return ExitCode.USAGE;
    });
    line.setExecutionExceptionHandler((e, parsed, result) -> {
      err.println("error: " + e.getMessage());
      boolean nothingRan = e instanceof UsageException || e instanceof InventoryException || !(e instanceof SlipwayException);
      return nothingRan ? ExitCode.USAGE : ExitCode.FAILED;
    });
    return line.execute(Commands.withDefaultCommand(line, args));
  }

  /** Runs an action non-interactively or with questions on the terminal. */
  int runAction(Node node, List<String> words, RunOptions options) {
    TerminalConsole console = console(options);
    try (ActionRunner runner = new ActionRunner(node.rootNode(), console, options, err::println)) {
      return runner.run(node, words, false);
    }
  }

  /** Opens the shell at {@code node}, or says why it cannot. */
  int shell(Node node, RunOptions options) {
    Optional<Terminal> tty = terminal.get();
    if (tty.isEmpty() || !options.interactive()) {
      err.println("error: no action given, and the interactive shell needs a terminal; give an action,"
          + " e.g. run " + node.path() + " ACTION ARGS, or list the actions with: list");
      return ExitCode.USAGE;
    }
    Shell.builder(node.rootNode()).terminal(tty.get()).startAt(node).history(history).options(options).version(version)
        .build().run();
    return ExitCode.OK;
  }

  /** Prints through a console on the output stream. */
  TerminalConsole console(RunOptions options) {
    Optional<Terminal> tty = options.interactive() ? terminal.get() : Optional.empty();
    return tty.map(t -> TerminalConsole.on(t, true, options.assumeYes())).orElseGet(() -> dumbConsole(options));
  }

  private TerminalConsole dumbConsole(RunOptions options) {
    try {
      return TerminalConsole.on(new DumbTerminal(in, out), options.interactive(),
          options.assumeYes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // The system terminal is opened at most once, and only if a question or the shell needs it.
  private static Supplier<Optional<Terminal>> once(Supplier<Optional<Terminal>> supplier) {
    AtomicReference<Optional<Terminal>> made = new AtomicReference<>();
    return () -> made.updateAndGet(terminal -> terminal != null ? terminal : supplier.get());
  }

  /** The tree, made for the command line's inventory options. */
  Node tree(InventoryOptions options) {
    return trees.tree(options);
  }

  PrintWriter err() {
    return err;
  }

  /** Configures a {@link Launcher}. */
  public static final class Builder {
    private final TreeSource trees;
    private InputStream in = System.in;
    private OutputStream out = System.out;
    private OutputStream err = System.err;
    private Supplier<Optional<Terminal>> terminal = Optional::empty;
    private Path history = Path.of(System.getProperty("user.home"), ".slipway_history");
    private String name = "slipway";
    private String version = "development";

    private Builder(TreeSource trees) {
      this.trees = trees;
    }

    /** Input, output and error streams (default: the process's). No terminal: questions take defaults. */
    public Builder streams(InputStream in, OutputStream out, OutputStream err) {
      this.in = requireNonNull(in, "in");
      this.out = requireNonNull(out, "out");
      this.err = requireNonNull(err, "err");
      return this;
    }

    /** Where the shell and questions get their terminal from; empty when there is none. */
    public Builder terminal(Supplier<Optional<Terminal>> terminal) {
      this.terminal = requireNonNull(terminal, "terminal");
      return this;
    }

    /** The shell's history file (default: {@code ~/.slipway_history}). */
    public Builder history(Path file) {
      this.history = requireNonNull(file, "file");
      return this;
    }

    /** The program's name in the usage text (default: {@code slipway}). */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    /** The version {@code --version} shows. */
    public Builder version(String version) {
      this.version = requireNonNull(version, "version");
      return this;
    }

    /** The launcher. */
    public Launcher build() {
      return new Launcher(this);
    }
  }
}
