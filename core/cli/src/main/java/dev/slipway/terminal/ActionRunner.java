package dev.slipway.terminal;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.SlipwayException;
import dev.slipway.terminal.TerminalConsole;
import dev.slipway.terminal.LiveOutput;
import dev.slipway.node.ActionArgumentException;
import dev.slipway.node.ActionInfo;
import dev.slipway.node.Execution;
import dev.slipway.node.Group;
import dev.slipway.node.HostFailuresException;
import dev.slipway.node.HostResults;
import dev.slipway.node.Hosts;
import dev.slipway.node.Node;
import dev.slipway.release.DeployFailedException;
import dev.slipway.release.HostReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jline.utils.AttributedStyle;

/**
 * Runs actions and ad-hoc commands for the launcher and the shell: checks the action and its
 * arguments, asks for confirmation in production, shows each host's output live and a summary,
 * and turns the outcome into an {@link ExitCode} with a one-line reason on failure.
 *
 * <pre>{@code
 * try (ActionRunner runner = new ActionRunner(root, console, options)) {
 *   int exit = runner.run(root.find("/remote_hello").orElseThrow(), List.of("hello"), false);
 * }
 * }</pre>
 *
 * Each action gets its own {@link Execution}, so {@link #cancel()} stops only the running one; the
 * hosts (and their connections) are shared and closed by {@link #close()}.
 */
public final class ActionRunner implements AutoCloseable {
  private final TerminalConsole console;
  private final Consumer<String> reasons;
  private final RunOptions options;
  private final Execution.Builder executions;
  private final EventLog log;
  private volatile Execution execution;
  private volatile LiveOutput live;

  /** A runner that prints everything, reasons for failures included, on {@code console} (the shell's way). */
  public ActionRunner(Node root, TerminalConsole console, RunOptions options) {
    this(root, console, options, reason -> console.println(reason, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)));
  }

  /**
   * A runner that prints output and questions on {@code console}, and the one-line reason of a
   * failure or refusal to {@code reasons} (the launcher's standard error, for scripts).
   */
  public ActionRunner(Node root, TerminalConsole console, RunOptions options, Consumer<String> reasons) {
    this.console = requireNonNull(console, "console");
    this.reasons = requireNonNull(reasons, "reasons");
    this.options = requireNonNull(options, "options");
    this.log = options.log().map(EventLog::appendingTo).orElse(null);
    this.executions = Execution.builder(root)
        .parallelism(options.parallelism())
        .console(console)
        .listener(event -> live.on(event))
        .chooseHost((node, action, candidates) -> candidates.host(
            console.choice("Run " + action.name() + " on which host?", candidates.names(), candidates.any().name())));
    if (log != null) {
      executions.listener(log);
    }
    this.execution = executions.build();
  }

  /**
   * Runs the action named by the first word with the other words as its arguments.
   *
   * @return {@link ExitCode#OK}, or the code of the failure after printing its reason
   */
  public int run(Node node, List<String> words, boolean dryRun) {
    if (words.isEmpty()) {
      return usage("no action given for " + node.path() + "; its actions: " + actionNames(node));
    }
    String name = words.get(0);
    ActionInfo action = node.action(name).orElse(null);
    if (action == null) {
      return usage(unknownAction(node, name));
    }
    Object[] arguments;
    try {
      arguments = action.parse(words.subList(1, words.size()));
    } catch (ActionArgumentException e) {
      return usage(e.getMessage());
    }
    boolean dry = dryRun || options.dryRun();
    if (!dry && !confirmed(node, name)) {
      return ExitCode.REFUSED;
    }
    return watch(node, node.path() + " " + name, run -> run.withDryRun(dry).call(node, name, arguments));
  }

  /** Runs a shell line on every host of {@code node}, as root if {@code sudo}, with per-host output. */
  public int runCommand(Node node, String line, boolean sudo, boolean dryRun) {
    if (line.isBlank()) {
      return usage("no command given: --run CMD runs CMD on every host of " + node.path());
    }
    boolean dry = dryRun || options.dryRun();
    return watch(node, line, run -> {
      Hosts hosts = run.withDryRun(dry).hosts(node);
      if (hosts.isEmpty()) {
        throw new SlipwayException(node.path() + " has no hosts to run on");
      }
      return (sudo ? hosts.sudo() : hosts).execute(Command.shell(line)).orThrow(line);
    });
  }

  private boolean confirmed(Node node, String action) {
    boolean production = node.group().map(Group::isProduction).orElse(false);
    if (!production || console.assumesYes()) {
      return true;
    }
    String question = "Run " + action + " on " + node.path() + " in group production?";
    if (!console.isInteractive()) {
      reasons.accept("Refused: " + question.replace("?", "") + " needs a confirmation; add --yes to confirm"
          + " in non-interactive mode");
      return false;
    }
    if (console.confirm(question, false)) {
      return true;
    }
    console.println("Not confirmed: " + action + " was not run.");
    return false;
  }

  /** Stops the running action: no new host task starts, running ones are interrupted. */
  public void cancel() {
    execution.cancel();
  }

  private int watch(Node node, String what, Function<Execution, Object> work) {
    LiveOutput output = LiveOutput.on(console);
    live = output;
    execution = executions.build();
    output.expect(execution.hosts(node).names());
    try {
      Object result = work.apply(execution);
      output.printSummary(Map.of());
      printResult(result);
      return ExitCode.OK;
    } catch (ActionArgumentException e) {
      return usage(e.getMessage());
    } catch (HostFailuresException e) {
      output.printSummary(e.failures().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
          entry -> oneLine(entry.getValue()), (a, b) -> a, LinkedHashMap::new)));
      return failed(what + " failed: " + oneLine(e));
    } catch (CommandFailedException e) {
      output.printSummary(Map.of(e.host(), oneLine(e)));
      return failed(what + " failed on " + e.host() + ": " + oneLine(e));
    } catch (DeployFailedException e) {
      output.printSummary(e.report().hosts().stream().filter(host -> !host.succeeded()).collect(Collectors.toMap(
          HostReport::host, HostReport::describe, (a, b) -> a, LinkedHashMap::new)));
      return failed(what + " failed: " + oneLine(e));
    } catch (RuntimeException e) {
      output.printSummary(Map.of());
      return failed(what + " failed: " + oneLine(e));
    }
  }

  private void printResult(Object result) {
    if (result instanceof HostResults) {
      ((HostResults<?>) result).forEach(r -> {
        if (r.value() != null && !(r.value() instanceof CommandResult)) {
          console.println(r.host() + ": " + r.value());
        }
      });
    } else if (result != null) {
      console.println(String.valueOf(result));
    }
  }

  private int usage(String reason) {
    reasons.accept("error: " + reason);
    return ExitCode.USAGE;
  }

  private int failed(String reason) {
    reasons.accept("error: " + reason);
    return ExitCode.FAILED;
  }

  static String unknownAction(Node node, String name) {
    String hint = node.find(name).isPresent() ? " (" + name + " is a child node: cd " + name + ")" : "";
    return "no action '" + name + "' in " + node.path() + hint + "; its actions: " + actionNames(node);
  }

  private static String actionNames(Node node) {
    List<String> names = node.actions().stream().map(ActionInfo::name).toList();
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }

  /** The message on one line; a first line ending in ':' heads the lines below it, which join it. */
  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (lines.size() > 1 && lines.get(0).endsWith(":")) {
      return lines.get(0) + " " + String.join("; ", lines.subList(1, lines.size()));
    }
    return lines.isEmpty() ? message : lines.get(0);
  }

  @Override
  public void close() {
    execution.close();
    if (log != null) {
      log.close();
    }
  }
}
