package dev.slipway.examples.workshop;

import dev.slipway.git.GitSource;
import dev.slipway.local.LocalHost;
import dev.slipway.python.GunicornService;
import dev.slipway.python.Python;
import dev.slipway.recipe.ExitStatus;
import dev.slipway.recipe.Recipe;
import dev.slipway.service.HttpHealthCheck;
import dev.slipway.ssh.SshHost;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The Flask workshop (the Ansistrano one: v1, v2, v3, rollbacks) as a Slipway recipe. Without
 * arguments it runs the whole sequence on this machine; {@code deploy v2}, {@code rollback [ID]},
 * {@code releases}, {@code status}, {@code check}, {@code unlock}, {@code stop} and {@code shell}
 * run one command, here, over {@code --ssh HOST} or on the web group of {@code --inventory DIR --env prod}.
 * Releases go under {@code target/workshop/flask-demo} (the system property {@code workshop.dir} moves
 * them); the app listens on 127.0.0.1:8000 ({@code -Dworkshop.port=N}).
 */
public final class FlaskWorkshop {
  /** The workshop's steps when no command is given: the last one fails before the switch, as it should. */
  public static final List<String> SEQUENCE =
      List.of("deploy v1", "deploy v2", "deploy v3", "rollback", "rollback v1", "deploy v4", "releases");

  @Option(names = "--repo", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "The app's git repository; only read (default: a sample with tags v1..v4, made if missing).")
  private Path repo;
  private final Path sample;

  FlaskWorkshop(Path sample) {
    this.sample = sample;
  }

  /** Runs one command, or the whole workshop; see {@code --help}. */
  public static void main(String[] args) {
    Path dir = Path.of(System.getProperty("workshop.dir", "target/workshop")).toAbsolutePath();
    Recipe recipe = recipe(dir.resolve("flask-demo").toString(), Integer.getInteger("workshop.port", 8000), dir);
    if (args.length > 0) {
      recipe.run(args);
    } else if (sequence(recipe, System.out, System.err) != ExitStatus.OK) {
      System.exit(ExitStatus.FAILED);
    }
  }

  /** The app: where it comes from, where it goes, what it needs, how it is served and checked. */
  public static Recipe recipe(String deployTo, int port, Path workshopDir) {
    FlaskWorkshop options = new FlaskWorkshop(workshopDir.resolve("app-src"));
    return Recipe.named("workshop")
        .source(ref -> GitSource.of(options.repository()).ref(ref))
        .deployTo(deployTo).keep(5).sharedDirs("log")
        .dependencies(Python.venv("venv").requirements("requirements.txt").systemSitePackages().offline()
            .entryPoint("gunicorn", "gunicorn.app.wsgiapp:run"))
        .service(GunicornService.app("app:app").named("flask-demo").bind("127.0.0.1:" + port).workers(2))
        .healthCheck(HttpHealthCheck.of("http://127.0.0.1:" + port + "/version")
            .attempts(60).interval(Duration.ofMillis(250)).servingReleaseVersion())
        .hosts(LocalHost.named("web1"))
        .ssh(target -> SshHost.builder(target).build())
        .options(options);
  }

  /** Runs {@link #SEQUENCE}; {@link ExitStatus#OK} when every step ended as it should. */
  public static int sequence(Recipe recipe, PrintStream out, PrintStream err) {
    int unexpected = 0;
    for (String step : SEQUENCE) {
      out.println("\n$ ./workshop " + step);
      boolean ok = recipe.execute(out, err, step.split(" ")) == ExitStatus.OK;
      unexpected += ok == !step.equals("deploy v4") ? 0 : 1;
    }
    return unexpected == 0 ? ExitStatus.OK : ExitStatus.FAILED;
  }

  private Path repository() {
    return repo != null ? FlaskAppRepository.existing(repo) : FlaskAppRepository.createIfMissing(sample);
  }
}
