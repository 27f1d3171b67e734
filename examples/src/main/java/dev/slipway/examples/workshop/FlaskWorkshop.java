package dev.slipway.examples.workshop;

import dev.slipway.Host;
import dev.slipway.inventory.Environment;
import dev.slipway.inventory.HostFactory;
import dev.slipway.inventory.Inventory;
import dev.slipway.inventory.Variables;
import dev.slipway.local.LocalHost;
import dev.slipway.release.DeployReport;
import dev.slipway.release.Release;
import dev.slipway.release.ReleaseState;
import dev.slipway.ssh.SshHost;
import dev.slipway.inventory.SshHostFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Flask workshop end to end: deploys v1, v2, v3, rolls back to the previous release, then to a
 * chosen version, then shows a broken release (v4, whose requirements cannot be installed) failing
 * before the switch — checking after each step which version {@code /version} serves.
 *
 * <p>By default everything happens on this machine under {@code examples/target/workshop}. With
 * {@code --ssh} the same code deploys to an SSH host; with {@code --inventory} to the {@code web}
 * group of an Ansible-style project directory ({@code inventory/hosts.ini},
 * {@code group_vars/web.yml}), taking {@code deploy_to}, {@code keep_releases} and
 * {@code shared_paths} (plain or {@code ansistrano_}-prefixed) from its variables. Single steps run
 * as subcommands: {@code workshop --port 8000 deploy v2}.
 */
@Command(name = "workshop", mixinStandardHelpOptions = true,
    description = "Deploys the Flask workshop app v1 -> v2 -> v3, rolls back twice, and shows a failed deploy.")
public final class FlaskWorkshop implements Callable<Integer> {
  static final Path WORKSHOP_DIR =
      Path.of(System.getProperty("workshop.dir", "target/workshop")).toAbsolutePath();

  @Option(names = "--deploy-to", description = "Where releases/, current and shared/ go (default: "
      + "the inventory's deploy_to, else examples/target/workshop/flask-demo).")
  private String deployTo;

  @Option(names = "--repo", description = "The app's git repository, created with tags v1..v4 if missing.")
  private Path repo = WORKSHOP_DIR.resolve("app-src");

  @Option(names = "--port", description = "The loopback port the app listens on (default: a free one).")
  private int port;

  @Option(names = "--rollback-to", description = "The version the last rollback chooses (default: ${DEFAULT-VALUE}).")
  private String chosenVersion = "v1";

  @Option(names = "--ssh", paramLabel = "[USER@]HOST[:PORT]", description = "Deploy to this SSH host instead of this machine.")
  private String ssh;

  @Option(names = "--inventory", paramLabel = "DIR",
      description = "An Ansible-style project: inventory/hosts.ini and group_vars/; deploys to its web group.")
  private Path inventory;

  @Option(names = "--env", description = "With --inventory: the environment (a group such as prod) to deploy to.")
  private String environment;

  @Option(names = "--identity", description = "Private key for SSH hosts.")
  private Path identity;

  @Option(names = "--known-hosts", description = "known_hosts file for SSH hosts (default: ~/.ssh/known_hosts).")
  private Path knownHosts;

  @Option(names = "--accept-new-host-key", description = "Record the key of an SSH host seen for the first time.")
  private boolean acceptNew;

  @Option(names = "--keep-running", description = "Leave the app running at the end.")
  private boolean keepRunning;

  private final PrintStream out;

  FlaskWorkshop(PrintStream out) {
    this.out = out;
  }

  /** Runs the workshop; see {@code --help}. */
  public static void main(String[] args) {
    int status = new CommandLine(new FlaskWorkshop(System.out)).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  @Override
  public Integer call() {
    List<Host> web = hosts();
    try {
      FlaskApp app = app();
      out.printf("Flask workshop: %s, releases under %s, app on 127.0.0.1:%d%n%n",
          String.join(", ", web.stream().map(Host::name).toList()), deployTo, port);
      List<Stage> stages = List.of(
          new Stage("deploy v1", "v1", hosts -> app.deploy(hosts, "v1")),
          new Stage("deploy v2", "v2", hosts -> app.deploy(hosts, "v2")),
          new Stage("deploy v3", "v3", hosts -> app.deploy(hosts, "v3")),
          new Stage("rollback", "v2", app::rollback),
          new Stage("rollback to " + chosenVersion, chosenVersion, hosts -> app.rollbackTo(hosts, chosenVersion)));
      boolean allGood = true;
      for (Stage stage : stages) {
        allGood &= stage.run(web, app, out);
      }
      allGood &= new Stage("deploy v4 (broken requirements)", chosenVersion, hosts -> app.deploy(hosts, "v4"))
          .runExpectingFailure(web, app, out);
      printReleases(web, app);
      if (!keepRunning) {
        web.forEach(app::stop);
      }
      return allGood ? 0 : 1;
    } finally {
      web.forEach(Host::close);
    }
  }

  /** One step on its own, as a user runs it from a terminal: {@code workshop --port 8000 deploy v2}. */
  @Command(name = "deploy", description = "Deploys one tag and checks that it is served.")
  int deploy(@Parameters(paramLabel = "TAG") String tag) {
    return single("deploy " + tag, tag, (app, hosts) -> app.deploy(hosts, tag));
  }

  /** Rolls back to the previous release, or to {@code VERSION}. */
  @Command(name = "rollback", description = "Rolls back to the previous release, or to VERSION (a tag or a release id).")
  int rollback(@Parameters(paramLabel = "VERSION", arity = "0..1") String version) {
    if (version == null) {
      return single("rollback", null, FlaskApp::rollback);
    }
    return single("rollback to " + version, version, (app, hosts) -> app.rollbackTo(hosts, version));
  }

  /** Lists the releases. */
  @Command(name = "releases", description = "Lists the releases, newest first.")
  int releases() {
    List<Host> web = hosts();
    try {
      printReleases(web, app());
      return 0;
    } finally {
      web.forEach(Host::close);
    }
  }

  /** Stops the app. */
  @Command(name = "stop", description = "Stops the app server.")
  int stop() {
    List<Host> web = hosts();
    try {
      FlaskApp app = app();
      web.forEach(app::stop);
      return 0;
    } finally {
      web.forEach(Host::close);
    }
  }

  private int single(String label, String expected, BiFunction<FlaskApp, List<Host>, DeployReport> action) {
    List<Host> web = hosts();
    try {
      FlaskApp app = app();
      String served = expected != null ? expected : previousVersion(web.get(0), app);
      return new Stage(label, served, hosts -> action.apply(app, hosts)).run(web, app, out) ? 0 : 1;
    } finally {
      web.forEach(Host::close);
    }
  }

  private String previousVersion(Host web, FlaskApp app) {
    List<Release> good = app.releases(web).stream()
        .filter(release -> release.state() == ReleaseState.LIVE || release.state() == ReleaseState.PREVIOUS).toList();
    return good.size() > 1 ? good.get(1).version() : "(none)";
  }

  private FlaskApp app() {
    if (port == 0) {
      port = freePort();
    }
    FlaskApp.Builder app = FlaskApp.builder(FlaskAppRepository.createOrReuse(repo)).port(port);
    if (inventory != null) {
      Variables vars = inventoryEnvironment().group("web").hosts().get(0).vars();
      Variables ansistrano = vars.withPrefix("ansistrano_");
      Variables settings = ansistrano.contains("deploy_to") ? ansistrano : vars;
      deployTo = deployTo != null ? deployTo : settings.get("deploy_to", String.class);
      app.keep(settings.getOrDefault("keep_releases", Integer.class, 5));
      if (settings.contains("shared_paths")) {
        app.sharedDirs(settings.list("shared_paths", String.class));
      }
    }
    if (deployTo == null) {
      deployTo = WORKSHOP_DIR.resolve("flask-demo").toString();
    }
    return app.deployTo(deployTo).build();
  }

  private List<Host> hosts() {
    if (inventory != null) {
      return new ArrayList<>(inventoryEnvironment().hostsOf("web", HostFactory.localOr(sshHosts())));
    }
    if (ssh == null) {
      return List.of(LocalHost.named("web1"));
    }
    SshTarget target = SshTarget.parse(ssh);
    SshHost.Builder builder = SshHost.builder("web1").address(target.address()).port(target.port());
    target.user().ifPresent(builder::user);
    if (identity != null) {
      builder.identity(identity);
    }
    if (knownHosts != null) {
      builder.knownHosts(knownHosts);
    }
    if (acceptNew) {
      builder.acceptNewHostKeys();
    }
    return List.of(builder.build());
  }

  private SshHostFactory sshHosts() {
    SshHostFactory factory = SshHostFactory.create();
    if (identity != null) {
      factory = factory.identity(identity);
    }
    if (knownHosts != null) {
      factory = factory.knownHosts(knownHosts);
    }
    return acceptNew ? factory.acceptNewHostKeys() : factory;
  }

  private Environment inventoryEnvironment() {
    Inventory loaded = Inventory.load(inventory.resolve("inventory/hosts.ini"), inventory);
    return environment != null ? loaded.environment(environment) : loaded.all();
  }

  private void printReleases(List<Host> web, FlaskApp app) {
    for (Host host : web) {
      out.printf("%nReleases on %s (newest first):%n", host.name());
      for (Release release : app.releases(host)) {
        out.println("  " + release.describe());
      }
    }
  }

  /** A loopback port nothing listens on now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on this machine", e);
    }
  }
}
