package dev.slipway.service;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.release.Release;
import java.util.List;
import java.util.Optional;

/**
 * A program that serves an app's live release, as a recipe uses it: after every switch it is
 * started or told to load the release that just went live; {@code status} and {@code stop} answer
 * for it. A service that needs the deploy path gets it from {@link #withDeployTo}:
 *
 * <pre>{@code
 * Service web = GunicornService.app("app:app").bind("127.0.0.1:8000").withDeployTo("/opt/flask-demo");
 * web.serve(host, release);   // start, or reload without dropping a request
 * }</pre>
 */
public interface Service {

  /** The service's name in reports, e.g. {@code gunicorn}. */
  String name();

  /** Starts the service on {@code host}, or makes it serve {@code release}, which has just gone live. */
  void serve(Host host, Release release);

  /**
   * {@link #serve} as one command, when it can be one: then a release manager sends it in the same
   * batch as the switch. It must exit 0 once the service serves {@code release}, and otherwise say
   * why on the last line of its stderr. Empty (the default) means: call {@link #serve}.
   */
  default Optional<Command> serveCommand(Host host, Release release) {
    return Optional.empty();
  }

  /** Whether it runs on {@code host}, with its pid. */
  ServiceStatus status(Host host);

  /** Stops it on {@code host}. */
  ServiceStatus stop(Host host);

  /** This service for an app deployed under {@code deployTo}; the same service if it needs no path. */
  default Service withDeployTo(String deployTo) {
    return this;
  }

  /** Programs the host needs for this service, checked before a deploy, e.g. {@code kill}. */
  default List<String> requiredCommands() {
    return List.of();
  }
}
