package dev.slipway.python;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.release.Release;
import dev.slipway.service.Service;
import dev.slipway.service.PidfileService;
import dev.slipway.service.ServiceStatus;
import dev.slipway.service.SupervisorRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A WSGI app served by gunicorn from the live release, as a recipe's {@link Service}: after each
 * switch it starts gunicorn, or reloads it with {@code HUP} when the release links the Python
 * environment gunicorn already runs, or re-executes it ({@code USR2}) when the switch brought
 * another environment (a changed {@code requirements.txt}, or a rollback across one). No request
 * fails either way (see {@link Gunicorn} for what was measured).
 *
 * <pre>{@code
 * recipe.service(GunicornService.app("app:app").bind("127.0.0.1:8000").workers(2));
 * }</pre>
 *
 * <p>gunicorn is started as {@code <deployTo>/current/<venv>/bin/gunicorn}, so the venv link
 * ({@code venv} by default, see {@link Python#venv}) must hold a {@code bin/gunicorn}. Which
 * environment runs is noted beside the pidfile. Immutable; {@link #withDeployTo} gives the service
 * of one deploy path.
 */
public final class GunicornService implements Service {
  private final String app;
  private final String name;
  private final String bind;
  private final int workers;
  private final String venv;
  private final Duration startTimeout;
  private final Gunicorn gunicorn;

  private GunicornService(Builder builder) {
    app = builder.app;
    name = builder.name;
    bind = builder.bind;
    workers = builder.workers;
    venv = builder.venv;
    startTimeout = builder.startTimeout;
    gunicorn = builder.gunicorn;
  }

  /** This service with {@code change} applied to a builder of its settings (unbound unless the change binds it). */
  private GunicornService copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new GunicornService(builder);
  }

  /** gunicorn serving {@code app} ({@code module:variable}), on 127.0.0.1:8000 with 2 workers. */
  public static GunicornService app(String app) {
    return new GunicornService(new Builder(requireNonNull(app, "app")));
  }

  /** The name in reports and of the pidfile and log under {@code shared/} (default {@code gunicorn}). */
  public GunicornService named(String serviceName) {
    requireNonNull(serviceName, "serviceName");
    return copy(builder -> builder.name = serviceName);
  }

  /** Where gunicorn listens, e.g. {@code 127.0.0.1:8000}. */
  public GunicornService bind(String address) {
    requireNonNull(address, "address");
    return copy(builder -> builder.bind = address);
  }

  /** How many worker processes. */
  public GunicornService workers(int count) {
    return copy(builder -> builder.workers = count);
  }

  /** The venv's link inside each release (default {@code venv}). */
  public GunicornService venv(String link) {
    requireNonNull(link, "link");
    return copy(builder -> builder.venv = link);
  }

  /** How long a new master must keep running to count as started (default 2 s). */
  public GunicornService startTimeout(Duration timeout) {
    requireNonNull(timeout, "timeout");
    return copy(builder -> builder.startTimeout = timeout);
  }

  @Override
  public GunicornService withDeployTo(String deployTo) {
    Gunicorn bound = Gunicorn.app(app).named(name).deployTo(deployTo).venv(deployTo + "/current/" + venv)
        .bind(bind).workers(workers).startTimeout(startTimeout).build();
    return copy(builder -> builder.gunicorn = bound);
  }

  @Override
  public String name() {
    return name;
  }

  /** The pidfile supervisor gunicorn runs under (once bound to a deploy path); fake hosts script it. */
  public PidfileService supervisor() {
    return gunicorn().supervisor();
  }

  /**
   * Starts gunicorn, or reloads it with {@code HUP}, or re-executes it when the environment
   * changed: {@link #serveCommand}'s one request to the supervisor.
   */
  @Override
  public void serve(Host host, Release release) {
    gunicorn().supervisor().serve(host, environment(host, release));
  }

  /**
   * The supervisor's serve request for {@code release}: one command that starts, reloads or
   * re-executes gunicorn and notes the environment beside the pidfile.
   */
  @Override
  public Optional<Command> serveCommand(Host host, Release release) {
    return Optional.of(gunicorn().supervisor().command(SupervisorRequest.serve(environment(host, release))));
  }

  // The environment key the release manager recorded (known in a dry run too, which builds nothing),
  // else where the release's venv link points.
  private String environment(Host host, Release release) {
    String link = release.directory() + "/" + venv;
    return Optional.ofNullable(release.metadata().get("env." + venv))
        .orElseGet(() -> host.readLink(link).orElse(link));
  }

  @Override
  public ServiceStatus status(Host host) {
    return gunicorn().status(host);
  }

  @Override
  public ServiceStatus stop(Host host) {
    return gunicorn().stop(host);
  }

  @Override
  public List<String> requiredCommands() {
    return List.of("kill");
  }

  private Gunicorn gunicorn() {
    if (gunicorn == null) {
      throw new IllegalStateException("gunicorn for " + app + " has no deploy path: use withDeployTo(\"/opt/app\")"
          + " (a recipe does)");
    }
    return gunicorn;
  }

  @Override
  public String toString() {
    return "GunicornService[" + app + " on " + bind + ", " + workers + " workers]";
  }

  /** The settings of one {@code GunicornService} while a copy of it is being made. */
  private static final class Builder {
    private final String app;
    private String name = "gunicorn";
    private String bind = "127.0.0.1:8000";
    private int workers = 2;
    private String venv = "venv";
    private Duration startTimeout = Duration.ofSeconds(2);
    private Gunicorn gunicorn;

    private Builder(String app) {
      this.app = app;
    }

    /** Every setting of {@code from} but its binding to a deploy path, which a changed setting would make stale. */
    private Builder(GunicornService from) {
      app = from.app;
      name = from.name;
      bind = from.bind;
      workers = from.workers;
      venv = from.venv;
      startTimeout = from.startTimeout;
    }
  }
}
