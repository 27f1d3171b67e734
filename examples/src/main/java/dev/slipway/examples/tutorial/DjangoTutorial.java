package dev.slipway.examples.tutorial;

import dev.slipway.event.CommandEvent;
import dev.slipway.event.Event;
import dev.slipway.event.EventListener;
import dev.slipway.event.OutputEvent;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Execution;
import dev.slipway.node.HostResult;
import dev.slipway.node.HostResults;
import dev.slipway.node.Node;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * python-deployer's Django tutorial, run on this machine: makes the {@link SampleRepository},
 * then sets up an {@link ExampleProject} on {@link LocalHost} and deploys {@code v1} then
 * {@code v2}, printing every command, its output and each status.
 *
 * <pre>
 * java dev.slipway.examples.tutorial.DjangoTutorial [WORK_DIR]     (default: target/django-tutorial)
 * </pre>
 *
 * Run it again and it reuses what is there: the clone and the virtualenv stay, the deploys repeat.
 */
public final class DjangoTutorial {
  private DjangoTutorial() {
  }

  /** The tree: the project at {@code /project} on this machine, everything under {@code workDir}. */
  public static Node tree(Path workDir) {
    String work = workDir.toAbsolutePath().normalize().toString();
    String repository = SampleRepository.create(LocalHost.create(), work + "/repository");
    return Node.root().child("project", new ExampleProject(work + "/server", repository),
        roles -> roles.add("host", LocalHost.create()));
  }

  /** Sets up and deploys the sample project under {@code args[0]} (default {@code target/django-tutorial}). */
  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "target/django-tutorial"), System.out);
  }

  /** Sets up the project, deploys every version and shows the status after each, printing to {@code out}. */
  public static void run(Path workDir, PrintStream out) {
    Node root = tree(workDir);
    try (Execution execution = Execution.builder(root).listener(new Printer(out)).build()) {
      step(out, "setup");
      execution.invoke("/project", "setup", List.of());
      for (String version : SampleRepository.VERSIONS) {
        step(out, "deploy " + version);
        execution.invoke("/project", "deploy", List.of(version));
        step(out, "status");
        printStatus((HostResults<?>) execution.invoke("/project", "status", List.of()), out);
      }
    }
  }

  private static void step(PrintStream out, String action) {
    out.println("== /project " + action);
  }

  private static void printStatus(HostResults<?> status, PrintStream out) {
    for (HostResult<?> result : status) {
      out.println("   " + result.host() + ": " + result.value());
    }
  }

  /** Prints each command when it ends, then the lines it wrote (events give output first). */
  private static final class Printer implements EventListener {
    private final PrintStream out;
    private final Map<String, List<String>> pendingOutput = new HashMap<>();

    private Printer(PrintStream out) {
      this.out = out;
    }

    @Override
    public synchronized void on(Event event) {
      if (event instanceof OutputEvent line) {
        pendingOutput.computeIfAbsent(line.host(), host -> new ArrayList<>()).add(line.line());
      } else if (event instanceof CommandEvent command) {
        out.printf("[%s] $ %s%s (%d ms)%n", command.host(), command.command(),
            command.context().isEmpty() ? "" : "  " + command.context(), command.duration().toMillis());
        pendingOutput.getOrDefault(command.host(), List.of()).forEach(text -> out.println("[" + command.host()
            + "]   " + text));
        pendingOutput.remove(command.host());
      }
    }
  }
}
