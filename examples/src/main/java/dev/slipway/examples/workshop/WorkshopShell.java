package dev.slipway.examples.workshop;

import dev.slipway.cli.Slipway;
import dev.slipway.local.LocalHost;
import java.util.List;

/**
 * The Flask workshop's tree ({@link WorkshopNode#tree}) behind the launcher ({@link Slipway#start}),
 * on this machine as {@code web1}: without arguments, on a terminal, it opens the interactive shell;
 * {@code run /web deploy v1}, {@code run /web releases} and {@code list} work from scripts. As with
 * {@link FlaskWorkshop}, releases go under {@code target/workshop/flask-demo} of the working directory
 * ({@code examples/target/...} with {@code mvn exec:java}; the system property {@code workshop.dir}
 * moves them) and the app listens on a free loopback port, or on
 * {@code -Dworkshop.port=N} (give the same one again to reload an app a former session started).
 */
public final class WorkshopShell {
  private WorkshopShell() {
  }

  /** The launcher's command line over the workshop's tree: the shell, {@code run}, {@code list}, {@code inspect}. */
  public static void main(String[] args) {
    FlaskApp app = FlaskApp.builder(FlaskAppRepository.createOrReuse(FlaskWorkshop.WORKSHOP_DIR.resolve("app-src")))
        .deployTo(FlaskWorkshop.WORKSHOP_DIR.resolve("flask-demo").toString())
        .port(Integer.getInteger("workshop.port", FlaskWorkshop.freePort()))
        .build();
    Slipway.start(WorkshopNode.tree(app, List.of(LocalHost.named("web1"))), args);
  }
}
