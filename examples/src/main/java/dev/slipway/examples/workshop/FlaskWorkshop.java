package dev.slipway.examples.workshop;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.release.Release;
import dev.slipway.ssh.SshHost;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import dev.slipway.release.DeployReport;
import dev.slipway.release.ReleaseState;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Flask workshop end to end: deploys v1, v2, v3, rolls back to the previous release, then to a
 * chosen version, then shows a broken release (v4, whose requirements cannot be installed) failing
 * before the switch — checking after each step which version {@code /version} serves.
 *
 * <p>By default everything happens on this machine under {@code examples/target/workshop}; with
 * {@code --ssh} the same code deploys to an SSH host.
 */
@Command(name = "workshop", mixinStandardHelpOptions = true,
    description = "Deploys the Flask workshop app v1 -> v2 -> v3, rolls back twice, and shows a failed deploy.")
public final class FlaskWorkshop implements Callable<Integer> {
  private static final Path WORKSHOP_DIR =
      Path.of(System.getProperty("workshop.dir", "target/workshop")).toAbsolutePath();

  @Option(names = "--deploy-to", description = "Where releases/, current and shared/ go (default: ${DEFAULT-VALUE}).")
  private String deployTo = WORKSHOP_DIR.resolve("flask-demo").toString();

  @Option(names = "--repo", description = "The app's git repository, created with tags v1..v4 if missing.")
  private Path repo = WORKSHOP_DIR.resolve("app-src");

  @Option(names = "--port", description = "The loopback port the app listens on (default: a free one).")
  private int port;

  @Option(names = "--rollback-to", description = "The version the last rollback chooses (default: ${DEFAULT-VALUE}).")
  private String chosenVersion = "v1";

  @Option(names = "--ssh", paramLabel = "[USER@]HOST[:PORT]", description = "Deploy to this SSH host instead of this machine.")
  private String ssh;

  @Option(names = "--identity", description = "Private key for --ssh.")
  private Path identity;

  @Option(names = "--known-hosts", description = "known_hosts file for --ssh (default: ~/.ssh/known_hosts).")
  private Path knownHosts;

  @Option(names = "--accept-new-host-key", description = "Record the key of an --ssh host seen for the first time.")
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
    try (Host web = host()) {
      FlaskApp app = app();
      out.printf("Flask workshop: %s, releases under %s, app on 127.0.0.1:%d%n%n", web.name(), deployTo, port);
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
        app.stop(web);
      }
      return allGood ? 0 : 1;
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
    try (Host web = host()) {
      printReleases(web, app());
      return 0;
    }
  }

  /** Stops the app. */
  @Command(name = "stop", description = "Stops the app server.")
  int stop() {
    try (Host web = host()) {
      app().stop(web);
      return 0;
    }
  }

  private int single(String label, String expected, BiFunction<FlaskApp, List<Host>, DeployReport> action) {
    try (Host web = host()) {
      FlaskApp app = app();
      String served = expected != null ? expected : previousVersion(web, app);
      return new Stage(label, served, hosts -> action.apply(app, hosts)).run(web, app, out) ? 0 : 1;
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
    return FlaskApp.builder(FlaskAppRepository.createOrReuse(repo)).deployTo(deployTo).port(port).build();
  }

  private void printReleases(Host web, FlaskApp app) {
    out.printf("%nReleases on %s (newest first):%n", web.name());
    for (Release release : app.releases(web)) {
      out.println("  " + release.describe());
    }
  }

  private Host host() {
    if (ssh == null) {
      return LocalHost.named("web1");
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
    return builder.build();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on this machine", e);
    }
  }
}
