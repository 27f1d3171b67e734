package dev.slipway.recipe;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.inventory.HostFactory;
import dev.slipway.inventory.Variables;
import dev.slipway.provision.Provisioning;
import dev.slipway.release.HealthCheck;
import dev.slipway.release.Hook;
import dev.slipway.release.Releases;
import dev.slipway.release.Source;
import dev.slipway.release.Step;
import dev.slipway.release.deps.Dependencies;
import dev.slipway.service.Service;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What an application is and where it goes, as one immutable value, and the standard commands
 * over it: a program is its recipe and {@code run(args)}, as a Capistrano {@code deploy.rb} is.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Recipe.named("flask-demo")
 *       .source(GitSource.of(repo)::ref)                 // the ref is chosen on the command line
 *       .deployTo("/opt/flask-demo").keep(5).sharedDirs("log")
 *       .dependencies(Python.venv("venv").requirements("requirements.txt"))
 *       .service(GunicornService.app("app:app").bind("127.0.0.1:8000").workers(2))
 *       .healthCheck(HttpHealthCheck.of("http://127.0.0.1:8000/version").servingReleaseVersion())
 *       .hosts(LocalHost.named("web1"))                  // or --ssh HOST, or --inventory DIR --env prod
 *       .ssh(target -> SshHost.builder(target).build())
 *       .run(args);
 * }
 * }</pre>
 *
 * <p>The commands ({@code deploy [REF]}, {@code rollback [VERSION|ID]}, {@code releases},
 * {@code status}, {@code unlock}, {@code check}, {@code stop}, {@code shell}) and the global options
 * are described by {@code --help}; {@link ExitStatus} lists the exit codes. The hosts are the
 * recipe's own unless the command line says {@code --ssh TARGET[,TARGET]} (made by {@link #ssh})
 * or {@code --inventory DIR} (the recipe's {@link #group} of the inventory's environment
 * {@code --env}). Tests run a recipe's commands on fake hosts with {@link #execute} and
 * {@link #hosts}, or its release manager with {@link #releases()}.
 */
public final class Recipe {
  final String name;
  final Function<String, ? extends Source> source;
  final String defaultRef;
  final String deployTo;
  final int keep;
  final List<String> sharedDirs;
  final List<String> sharedFiles;
  final List<Dependencies> dependencies;
  final List<Service> services;
  final List<HealthCheck> healthChecks;
  final List<StepHook> hooks;
  final List<Host> hosts;
  final Function<String, Host> ssh;
  final HostFactory inventoryHosts;
  final Path inventory;
  final String group;
  final List<String> requiredCommands;
  final List<Object> options;
  final Optional<Provisioning> provisioning;

  private Recipe(Builder builder) {
    name = builder.name;
    source = builder.source;
    defaultRef = builder.defaultRef;
    deployTo = builder.deployTo;
    keep = builder.keep;
    sharedDirs = builder.sharedDirs;
    sharedFiles = builder.sharedFiles;
    dependencies = builder.dependencies;
    services = builder.services;
    healthChecks = builder.healthChecks;
    hooks = builder.hooks;
    hosts = builder.hosts;
    ssh = builder.ssh;
    inventoryHosts = builder.inventoryHosts;
    inventory = builder.inventory;
    group = builder.group;
    requiredCommands = builder.requiredCommands;
    options = builder.options;
    provisioning = builder.provisioning;
  }

  /** This recipe with {@code change} applied to a builder of its settings. */
  private Recipe copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new Recipe(builder);
  }

  /** A recipe for the app {@code name}, the program's name in {@code --help}. */
  public static Recipe named(String name) {
    return new Recipe(new Builder(requireNonNull(name, "name")));
  }

  /** Where a ref's files come from, e.g. {@code GitSource.of(repo)::ref}; only deploy and check call it. */
  public Recipe source(Function<String, ? extends Source> byRef) {
    return copy(builder -> builder.source = requireNonNull(byRef, "byRef"));
  }

  /** The ref {@code deploy} takes when none is given (default {@code HEAD}). */
  public Recipe defaultRef(String ref) {
    return copy(builder -> builder.defaultRef = requireNonNull(ref, "ref"));
  }

  /** Where releases/, current and shared/ live on the hosts; an inventory's {@code deploy_to} overrides it. */
  public Recipe deployTo(String path) {
    Releases.at(path);
    return copy(builder -> builder.deployTo = path);
  }

  /** How many good releases to keep (default 5); an inventory's {@code keep_releases} overrides it. */
  public Recipe keep(int releases) {
    if (releases < 1) {
      throw new IllegalArgumentException("keep must be >= 1, was " + releases);
    }
    return copy(builder -> builder.keep = releases);
  }

  /** The directories under {@code shared/} linked into every release, e.g. {@code log}, replacing those set before. */
  public Recipe sharedDirs(String... paths) {
    return copy(builder -> builder.sharedDirs = concat(List.of(), List.of(paths)));
  }

  /** Also links these directories under {@code shared/} into every release, after those set before. */
  public Recipe addSharedDirs(String... paths) {
    return copy(builder -> builder.sharedDirs = concat(sharedDirs, List.of(paths)));
  }

  /** The files under {@code shared/} linked into every release, e.g. {@code .env}, replacing those set before. */
  public Recipe sharedFiles(String... paths) {
    return copy(builder -> builder.sharedFiles = concat(List.of(), List.of(paths)));
  }

  /** Also links these files under {@code shared/} into every release, after those set before. */
  public Recipe addSharedFiles(String... paths) {
    return copy(builder -> builder.sharedFiles = concat(sharedFiles, List.of(paths)));
  }

  /** A dependency environment built per hash of its lock files, e.g. {@code Python.venv("venv")...}. */
  public Recipe dependencies(Dependencies environment) {
    requireNonNull(environment, "environment");
    return copy(builder -> builder.dependencies = concat(dependencies, List.of(environment)));
  }

  /** A service started or reloaded after every switch, e.g. {@code GunicornService.app("app:app")}. */
  public Recipe service(Service service) {
    return copy(builder -> builder.services = concat(services, List.of(requireNonNull(service, "service"))));
  }

  /** Checks each host after its switch (and after a rollback, against that release); a failure switches back. */
  public Recipe healthCheck(HealthCheck check) {
    return copy(builder -> builder.healthChecks = concat(healthChecks, List.of(requireNonNull(check, "check"))));
  }

  /** Runs {@code hook} on each host before {@code step}. */
  public Recipe before(Step step, Hook hook) {
    return copy(builder -> builder.hooks = concat(hooks, List.of(new StepHook(true, step, hook))));
  }

  /** Runs {@code hook} on each host after {@code step} (services are served after {@code symlink} first). */
  public Recipe after(Step step, Hook hook) {
    return copy(builder -> builder.hooks = concat(hooks, List.of(new StepHook(false, step, hook))));
  }

  /**
   * The server's state that {@code provision [LAYER..]} converges every host to (packages, users,
   * directories, config files, units), layer by layer; {@code --dry-run} shows the diffs.
   */
  public Recipe provisioning(Provisioning plan) {
    return copy(builder -> builder.provisioning = Optional.of(requireNonNull(plan, "plan")));
  }

  /** The hosts when the command line names none (default: none, so {@code --ssh} or {@code --inventory} is needed). */
  public Recipe hosts(Host... list) {
    return copy(builder -> builder.hosts = List.of(list));
  }

  /** How {@code --ssh TARGET} (and an inventory's SSH hosts, by name) become hosts. */
  public Recipe ssh(Function<String, Host> connect) {
    return copy(builder -> builder.ssh = requireNonNull(connect, "connect"));
  }

  /** How an inventory's entries become hosts (default: local ones here, the others through {@link #ssh}). */
  public Recipe inventoryHosts(HostFactory factory) {
    return copy(builder -> builder.inventoryHosts = requireNonNull(factory, "factory"));
  }

  /** The Ansible-style project directory used when {@code --inventory} is not given. */
  public Recipe inventory(Path projectDirectory) {
    return copy(builder -> builder.inventory = requireNonNull(projectDirectory, "projectDirectory"));
  }

  /** The inventory group the app is deployed to (default {@code web}). */
  public Recipe group(String name) {
    return copy(builder -> builder.group = requireNonNull(name, "name"));
  }

  /**
   * The programs {@code check} requires on every host besides {@code tar} and those of the parts,
   * e.g. {@code git}, replacing those set before.
   */
  public Recipe requiredCommands(String... programs) {
    return copy(builder -> builder.requiredCommands = concat(List.of(), List.of(programs)));
  }

  /** Also requires these programs on every host, after those set before. */
  public Recipe addRequiredCommands(String... programs) {
    return copy(builder -> builder.requiredCommands = concat(requiredCommands, List.of(programs)));
  }

  /** More command-line options: a picocli {@code @Option}-annotated object the program reads, added to every command. */
  public Recipe options(Object picocliOptions) {
    requireNonNull(picocliOptions, "picocliOptions");
    return copy(builder -> builder.options = concat(options, List.of(picocliOptions)));
  }

  /** Every program {@code check} looks for on the hosts. */
  public List<String> allRequiredCommands() {
    LinkedHashSet<String> all = new LinkedHashSet<>(List.of("tar"));
    all.addAll(requiredCommands);
    dependencies.forEach(environment -> all.addAll(environment.requiredCommands()));
    services.forEach(service -> all.addAll(service.requiredCommands()));
    return List.copyOf(all);
  }

  /** The services, bound to the deploy path. */
  public List<Service> services() {
    return services.stream().map(service -> service.withDeployTo(requireDeployTo())).toList();
  }

  /** The source of {@code ref}, or the default ref when empty. */
  public Source source(Optional<String> ref) {
    if (source == null) {
      throw new IllegalStateException("recipe " + name + " has no source: call source(GitSource.of(repo)::ref)");
    }
    return source.apply(ref.orElse(defaultRef));
  }

  /**
   * The release manager this recipe describes: layout, environments, shared paths, services served
   * after the switch, health checks and hooks; without a source (a deploy adds the ref's).
   */
  public Releases releases() {
    List<String> environments = dependencies.stream().map(part -> part.environment().name()).toList();
    Releases releases = Releases.at(requireDeployTo()).keep(keep)
        .sharedDirs(sharedDirs.stream().filter(path -> !environments.contains(path)).toArray(String[]::new))
        .sharedFiles(sharedFiles.toArray(String[]::new));
    for (Dependencies part : dependencies) {
      releases = releases.dependencies(part.environment());
    }
    for (Service service : services()) {
      releases = releases.after(Step.SYMLINK, new ServeHook(service));
    }
    for (StepHook hook : hooks) {
      releases = hook.before() ? releases.before(hook.step(), hook.hook()) : releases.after(hook.step(), hook.hook());
    }
    for (HealthCheck check : healthChecks) {
      releases = releases.healthCheck(check);
    }
    return releases;
  }

  /** Runs the command line {@code args} on the process's streams and exits with its status when it failed. */
  public void run(String... args) {
    int status = execute(System.out, System.err, args);
    System.out.flush();
    if (status != ExitStatus.OK) {
      System.exit(status);
    }
  }

  /** Runs the command line {@code args}, printing on {@code out} and {@code err}; returns the {@link ExitStatus}. */
  public int execute(PrintStream out, PrintStream err, String... args) {
    return RecipeCommandLine.create(this, out, err).execute(args);
  }

  /** This recipe with the inventory's settings: {@code deploy_to}, {@code keep_releases}, {@code shared_paths}. */
  Recipe withSettings(Variables vars) {
    Variables prefixed = vars.withPrefix("ansistrano_");
    Variables settings = prefixed.contains("deploy_to") ? prefixed : vars;
    return copy(builder -> {
      builder.deployTo = settings.getOrDefault("deploy_to", String.class, deployTo);
      builder.keep = settings.getOrDefault("keep_releases", Integer.class, keep);
      if (settings.contains("shared_paths")) {
        builder.sharedDirs = settings.list("shared_paths", String.class);
      }
    });
  }

  /** The deploy path; a recipe without one cannot run a command that reaches the hosts. */
  String requireDeployTo() {
    if (deployTo == null) {
      throw new IllegalStateException("recipe " + name + " has no deploy path: call deployTo(\"/opt/" + name + "\")");
    }
    return deployTo;
  }

  private static <T> List<T> concat(List<T> first, List<T> more) {
    List<T> all = new ArrayList<>(first);
    more.forEach(item -> all.add(requireNonNull(item)));
    return List.copyOf(all);
  }

  /** A hook of a step. */
  record StepHook(boolean before, Step step, Hook hook) {
  }

  /** The settings of one {@code Recipe} while a copy of it is being made. */
  private static final class Builder {
    private final String name;
    private Function<String, ? extends Source> source;
    private String defaultRef = "HEAD";
    private String deployTo;
    private int keep = 5;
    private List<String> sharedDirs = List.of();
    private List<String> sharedFiles = List.of();
    private List<Dependencies> dependencies = List.of();
    private List<Service> services = List.of();
    private List<HealthCheck> healthChecks = List.of();
    private List<StepHook> hooks = List.of();
    private List<Host> hosts = List.of();
    private Function<String, Host> ssh;
    private HostFactory inventoryHosts;
    private Path inventory;
    private String group = "web";
    private List<String> requiredCommands = List.of();
    private List<Object> options = List.of();
    private Optional<Provisioning> provisioning = Optional.empty();

    private Builder(String name) {
      this.name = name;
    }

    private Builder(Recipe from) {
      name = from.name;
      source = from.source;
      defaultRef = from.defaultRef;
      deployTo = from.deployTo;
      keep = from.keep;
      sharedDirs = from.sharedDirs;
      sharedFiles = from.sharedFiles;
      dependencies = from.dependencies;
      services = from.services;
      healthChecks = from.healthChecks;
      hooks = from.hooks;
      hosts = from.hosts;
      ssh = from.ssh;
      inventoryHosts = from.inventoryHosts;
      inventory = from.inventory;
      group = from.group;
      requiredCommands = from.requiredCommands;
      options = from.options;
      provisioning = from.provisioning;
    }
  }
}
