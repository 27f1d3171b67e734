package dev.slipway.recipe;

import dev.slipway.Host;
import dev.slipway.inventory.Environment;
import dev.slipway.inventory.HostFactory;
import dev.slipway.inventory.Inventory;
import dev.slipway.inventory.InventoryException;
import dev.slipway.inventory.InventoryHost;
import dev.slipway.release.DeployFailedException;
import dev.slipway.release.DeployLockedException;
import dev.slipway.release.LockHolder;
import dev.slipway.release.HostReport;
import dev.slipway.release.Releases;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * One command of a recipe as the command line chose it: the recipe (with an inventory's settings),
 * the hosts ({@code --ssh}, {@code --inventory}/{@code --env} or the recipe's, then
 * {@code --limit} and {@code --dry-run}), the printer; and the exit status of what went wrong.
 */
final class Session implements AutoCloseable {
  final Recipe recipe;
  final GlobalOptions options;
  final Printer printer;
  private final List<Host> hosts = new ArrayList<>();
  private final List<Host> opened = new ArrayList<>();
  private final Map<String, List<String>> groups = new LinkedHashMap<>();
  private String summary = "";

  private Session(Recipe recipe, GlobalOptions options, Printer printer) {
    this.recipe = recipe;
    this.options = options;
    this.printer = printer;
  }

  /** Runs {@code work} for {@code command}, turning an expected failure into its lines and exit status. */
  static int run(Recipe recipe, GlobalOptions options, PrintStream out, PrintStream err, String command,
                 java.util.function.ToIntFunction<Session> work) {
    Printer printer = options.json ? new JsonPrinter(out, err) : new TextPrinter(out, err, options.verbosity());
    int exit;
    String summary = "";
    try (Session session = open(recipe, options, printer)) {
      exit = guarded(printer, () -> work.applyAsInt(session));
      summary = session.summary;
    } catch (RecipeUsageException | InventoryException | IllegalStateException e) {
      printer.problem("all", "error: " + e.getMessage());
      exit = ExitStatus.USAGE;
    }
    printer.report(command, exit, exit == ExitStatus.OK ? summary : "");
    return exit;
  }

  private static int guarded(Printer printer, IntSupplier work) {
    try {
      return work.getAsInt();
    } catch (DeployLockedException e) {
      printer.problem(e.host(), locked(e));
      return ExitStatus.LOCKED;
    } catch (DeployFailedException e) {
      List<HostReport> failed = e.report().failures();
      failed.forEach(host -> printer.problem(host.host(), describe(host)));
      if (failed.stream().anyMatch(host -> host.outcome() == HostReport.Outcome.SWITCHED_BACK)) {
        return ExitStatus.SWITCHED_BACK;
      }
      boolean locked = failed.stream().flatMap(host -> host.errors().stream())
          .anyMatch(error -> error instanceof DeployLockedException);
      return locked ? ExitStatus.LOCKED : ExitStatus.FAILED;
    } catch (RecipeUsageException e) {
      printer.problem("all", "error: " + e.getMessage());
      return ExitStatus.USAGE;
    } catch (RuntimeException e) {
      printer.problem("all", "error: " + oneLine(e));
      printer.trace(e);
      return ExitStatus.FAILED;
    }
  }

  // A locked host reads as this command line's remedy (unlock), not as the library's (breakLock).
  private static String describe(HostReport host) {
    return host.errors().stream().findFirst().filter(DeployLockedException.class::isInstance)
        .map(error -> locked((DeployLockedException) error)).orElseGet(host::describe);
  }

  private static String locked(DeployLockedException e) {
    return e.holder().map(holder -> locked(e.host(), holder))
        .orElse(e.host() + ": locked, but " + e.lockPath() + " names no holder; unlock --force breaks it");
  }

  /** The line for {@code host} locked by {@code holder}: who, and how this command line breaks it. */
  static String locked(String host, LockHolder holder) {
    return host + ": locked by " + holder.describe() + (holder.stale()
        ? ", whose process is gone; unlock breaks it"
        : ", who may still be deploying; unlock --force breaks it");
  }

  private static Session open(Recipe recipe, GlobalOptions options, Printer printer) {
    if (!options.ssh.isEmpty()) {
      Session session = new Session(recipe, options, printer);
      if (recipe.ssh == null) {
        throw new RecipeUsageException("this program cannot make SSH hosts (its recipe sets no ssh(...))");
      }
      options.ssh.forEach(target -> session.opened(recipe.ssh.apply(target), List.of()));
      return session.limited();
    }
    Path inventory = options.inventory != null ? options.inventory : recipe.inventory;
    if (inventory != null) {
      return fromInventory(recipe, options, printer, inventory);
    }
    if (options.env != null) {
      throw new RecipeUsageException("--env " + options.env + " needs an inventory: add --inventory DIR");
    }
    if (recipe.hosts.isEmpty()) {
      throw new RecipeUsageException("no hosts: give --ssh HOST or --inventory DIR");
    }
    Session session = new Session(recipe, options, printer);
    recipe.hosts.forEach(host -> session.add(host, List.of()));
    return session.limited();
  }

  private static Session fromInventory(Recipe recipe, GlobalOptions options, Printer printer, Path project) {
    Path file = Files.isDirectory(project) ? project.resolve("inventory/hosts.ini") : project;
    Inventory loaded = Inventory.load(file, Files.isDirectory(project) ? project : file.getParent());
    Environment environment = options.env != null ? loaded.environment(options.env) : loaded.all();
    List<InventoryHost> entries = environment.group(recipe.group).hosts();
    if (entries.isEmpty()) {
      throw new RecipeUsageException("group " + recipe.group + " has no hosts in " + file);
    }
    Session session = new Session(recipe.withSettings(entries.get(0).vars()), options, printer);
    HostFactory factory = recipe.inventoryHosts != null ? recipe.inventoryHosts
        : HostFactory.localOr(entry -> session.sshHost(entry.name()));
    entries.forEach(entry -> session.opened(factory.create(entry), entry.groups()));
    return session.limited();
  }

  private Host sshHost(String name) {
    if (recipe.ssh == null) {
      throw new RecipeUsageException("host " + name + " is an SSH host, and this program cannot make SSH hosts");
    }
    return recipe.ssh.apply(name);
  }

  private void opened(Host host, List<String> groupNames) {
    opened.add(host);
    add(host, groupNames);
  }

  private void add(Host host, List<String> groupNames) {
    hosts.add(options.dryRun ? host.dryRun() : host);
    groups.put(host.name(), groupNames);
  }

  private Session limited() {
    if (options.limit.isEmpty()) {
      return this;
    }
    for (String wanted : options.limit) {
      if (hosts.stream().noneMatch(host -> matches(host, wanted))) {
        throw new RecipeUsageException("--limit " + wanted + " matches no host; the hosts: "
            + String.join(", ", hosts.stream().map(Host::name).toList()));
      }
    }
    hosts.removeIf(host -> options.limit.stream().noneMatch(wanted -> matches(host, wanted)));
    return this;
  }

  private boolean matches(Host host, String wanted) {
    return host.name().equals(wanted) || groups.getOrDefault(host.name(), List.of()).contains(wanted);
  }

  /** Sets the last line of a command that succeeded, e.g. {@code deploy v2: 2 host(s) in 1.20 s}. */
  void summary(String line) {
    summary = line;
  }

  /** The hosts to work on. */
  List<Host> hosts() {
    return List.copyOf(hosts);
  }

  /** The recipe's release manager, reporting to the printer. */
  Releases releases() {
    return recipe.releases().parallelism(options.parallel).listener(printer);
  }

  /** {@code host}, its commands reported to the printer. */
  Host observed(Host host) {
    return host.withListener(printer);
  }

  @Override
  public void close() {
    opened.forEach(Host::close);
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (lines.size() > 1 && lines.get(0).endsWith(":")) {
      return lines.get(0) + " " + String.join("; ", lines.subList(1, lines.size()));
    }
    return lines.isEmpty() ? message : lines.get(0);
  }
}
