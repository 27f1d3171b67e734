package dev.slipway.shell;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.SlipwayException;
import dev.slipway.terminal.ActionRunner;
import dev.slipway.terminal.RunOptions;
import dev.slipway.terminal.TreeText;
import dev.slipway.terminal.TerminalConsole;
import dev.slipway.node.Hosts;
import dev.slipway.node.Node;
import dev.slipway.spi.InteractiveLogin;
import dev.slipway.spi.Transport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * python-deployer's interactive shell on a node tree, with JLine line editing, tab completion and
 * a history file.
 *
 * <pre>{@code
 * Shell.builder(root).terminal(TerminalBuilder.terminal()).build().run();
 * }</pre>
 *
 * <p>Commands: {@code cd} (child names, {@code ..}, {@code /}, {@code -}, several words for a
 * path: {@code cd production web}), {@code ls}, {@code pwd}, {@code find}, {@code exit},
 * {@code clear}; an action name with its arguments runs it ({@code deploy v2}, also through
 * children: {@code web deploy v2}); {@code dry-run ACTION ARGS}; {@code --inspect [PATH]},
 * {@code --run CMD}, {@code --run-with-sudo CMD}, {@code connect [HOST]} (or {@code --connect}: a
 * login shell over the host's own connection when its transport offers one, such as SSH, else the
 * {@link Connector}'s local command), {@code --version}.
 */
public final class Shell {
  private final Node root;
  private final Terminal terminal;
  private final TerminalConsole console;
  private final ActionRunner runner;
  private final TreeText text;
  private final LineReader reader;
  private final Connector connector;
  private final String version;
  private Node current;
  private Node previous;

  private Shell(Builder builder) {
    this.root = builder.root.rootNode();
    this.terminal = requireNonNull(builder.terminal, "a shell needs a terminal: call terminal(...)");
    this.console = TerminalConsole.on(terminal, builder.options.interactive(), builder.options.assumeYes());
    this.runner = new ActionRunner(root, console, builder.options);
    this.text = new TreeText(console);
    this.connector = builder.connector;
    this.version = builder.version;
    this.current = builder.start;
    this.previous = builder.start;
    this.reader = LineReaderBuilder.builder().terminal(terminal).appName("slipway")
        .completer(new ShellCompleter(() -> current))
        .variable(LineReader.HISTORY_FILE, builder.history)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }

  /** Starts configuring a shell on the tree {@code root} is in. */
  public static Builder builder(Node root) {
    return new Builder(root);
  }

  /** Reads and runs commands until {@code exit} or end of input; closes the hosts after. */
  public void run() {
    try (runner) {
      console.println("Slipway " + version + " shell. Tab completes, 'help' lists commands, 'exit' leaves.");
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt());
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        if (!handle(line.strip())) {
          break;
        }
      }
    } finally {
      saveHistory();
    }
  }

  private String prompt() {
    return text.nodeName(current, current.path()) + " > ";
  }

  /** Runs one command line; false when the shell should end. */
  private boolean handle(String line) {
    List<String> words = reader.getParser().parse(line, line.length()).words().stream()
        .filter(word -> !word.isEmpty()).toList();
    if (words.isEmpty()) {
      return true;
    }
    String command = words.get(0);
    List<String> rest = words.subList(1, words.size());
    try {
      switch (command) {
        case "exit": case "quit": return false;
        case "clear": clear(); break;
        case "pwd": console.println(current.path()); break;
        case "ls": printColumns(text.entries(Navigation.walk(current, rest))); break;
        case "cd": cd(rest); break;
        case "find": find(Navigation.walk(current, rest)); break;
        case "help": help(); break;
        case "dry-run": cancellable(() -> runAction(rest, true)); break;
        case "--inspect": text.printInspection(Navigation.walk(current, rest)); break;
        case "--run": cancellable(() -> runner.runCommand(current, after(line, command), false, false)); break;
        case "--run-with-sudo": cancellable(() -> runner.runCommand(current, after(line, command), true, false)); break;
        case "--connect", "connect": connect(rest); break;
        case "--version": console.println("Slipway " + version); break;
        default: cancellable(() -> runAction(words, false));
      }
    } catch (SlipwayException e) {
      console.println("error: " + e.getMessage());
    }
    return true;
  }

  /** Runs {@code work} with Ctrl-C cancelling it instead of ending the shell. */
  private void cancellable(Runnable work) {
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
      console.println("^C: cancelling...");
      runner.cancel();
    });
    try {
      work.run();
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }

  private void cd(List<String> words) {
    Node target = words.isEmpty() ? root
        : words.equals(List.of("-")) ? previous
        : Navigation.walk(current, words);
    previous = current;
    current = target;
  }

  private void runAction(List<String> words, boolean dryRun) {
    Node node = current;
    int i = 0;
    while (i < words.size() - 1 && node.action(words.get(i)).isEmpty()) {
      Optional<Node> child = node.find(words.get(i)).filter(found -> found.parent().isPresent());
      if (child.isEmpty()) {
        break;
      }
      node = child.get();
      i++;
    }
    runner.run(node, words.subList(i, words.size()), dryRun);
  }

  private void connect(List<String> words) {
    Hosts hosts = current.hosts();
    if (hosts.isEmpty()) {
      throw new SlipwayException(current.path() + " has no hosts to connect to");
    }
    Host host = words.isEmpty()
        ? hosts.host(hosts.size() == 1 ? hosts.any().name()
            : console.choice("Connect to which host?", hosts.names(), hosts.any().name()))
        : hosts.host(words.get(0));
    Optional<InteractiveLogin> login = host.unwrap(Transport.class).flatMap(Transport::interactiveLogin);
    if (login.isPresent()) {
      console.println("Connecting to " + host.name() + "; exit to come back.");
      LoginSession.attach(terminal, login.get());
      return;
    }
    List<String> command = connector.loginCommand(host).orElseThrow(() -> new SlipwayException(
        "cannot open an interactive session on " + host.name() + ": its transport ("
            + host.unwrap(Object.class).map(t -> t.getClass().getSimpleName()).orElse("none") + ") gives no interactive login"));
    console.println("Connecting to " + host.name() + " (" + String.join(" ", command) + "); exit to come back.");
    LoginSession.attach(terminal, command);
  }

  private void find(Node from) {
    from.walk().forEach(node -> console.println(text.nodeName(node, node.path())));
  }

  private void clear() {
    terminal.puts(InfoCmp.Capability.clear_screen);
    terminal.flush();
  }

  private void printColumns(List<String> entries) {
    if (!entries.isEmpty()) {
      console.println(String.join("  ", entries));
    }
  }

  private void help() {
    console.println(String.join("\n",
        "cd NODE... | cd .. | cd / | cd -   move in the tree (words form a path: cd production web)",
        "ls [PATH]  pwd  find [PATH]         list children and actions, print the path, list every node below",
        "ACTION ARGS...                      run an action of this node (or CHILD... ACTION ARGS...)",
        "dry-run ACTION ARGS...              print and syntax-check the commands, run nothing",
        "--inspect [PATH]                    class, hosts by role, actions and children of a node",
        "--run CMD | --run-with-sudo CMD     run a shell command on every host of this node",
        "connect [HOST] | --connect [HOST]   an interactive login shell on a host of this node",
        "--version  clear  exit"));
  }

  private static String after(String line, String command) {
    return line.substring(command.length()).strip();
  }

  private void saveHistory() {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      console.warning("could not save the shell history: " + e.getMessage());
    }
  }

  /** Configures a {@link Shell}. */
  public static final class Builder {
    private final Node root;
    private Node start;
    private Terminal terminal;
    private Path history = Path.of(System.getProperty("user.home"), ".slipway_history");
    private RunOptions options = RunOptions.DEFAULTS;
    private Connector connector = Connector.localOnly();
    private String version = "development";

    private Builder(Node root) {
      this.root = requireNonNull(root, "root");
      this.start = root.rootNode();
    }

    /** The terminal to read from and write to. */
    public Builder terminal(Terminal terminal) {
      this.terminal = requireNonNull(terminal, "terminal");
      return this;
    }

    /** The node the shell starts at (default: the root). */
    public Builder startAt(Node node) {
      this.start = requireNonNull(node, "node");
      return this;
    }

    /** Where the command history is kept (default: {@code ~/.slipway_history}). */
    public Builder history(Path file) {
      this.history = requireNonNull(file, "file");
      return this;
    }

    /** Dry-run, interactivity, {@code --yes}, parallelism and log for the actions run from the shell. */
    public Builder options(RunOptions options) {
      this.options = requireNonNull(options, "options");
      return this;
    }

    /** How {@code --connect} opens a login shell (default: {@link Connector#localOnly()}). */
    public Builder connector(Connector connector) {
      this.connector = requireNonNull(connector, "connector");
      return this;
    }

    /** The version {@code --version} shows. */
    public Builder version(String version) {
      this.version = requireNonNull(version, "version");
      return this;
    }

    /** The shell; builds (and checks) the tree. */
    public Shell build() {
      return new Shell(this);
    }
  }
}
