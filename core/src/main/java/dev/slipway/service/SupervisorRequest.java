package dev.slipway.service;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What {@link PidfileService} asks its host-side supervisor to do: the typed half of its protocol,
 * answered by a {@link SupervisorAnswer}. Tests script a fake host with it:
 *
 * <pre>{@code
 * web.when(app.supervisor(), SupervisorRequest.START).thenAnswer(SupervisorAnswer.running(42));
 * web.when(app.supervisor(), SupervisorRequest.Action.SERVE).thenAnswer(SupervisorAnswer.reloaded(42));
 * }</pre>
 *
 * @param action what to do
 * @param signal the signal's name without {@code SIG} (e.g. {@code HUP}) for {@link Action#SIGNAL}
 * @param environment for {@link Action#SERVE}, the key of the environment the process must run,
 *     e.g. the path its venv link points at
 */
public record SupervisorRequest(Action action, Optional<String> signal, Optional<String> environment) {
  /** Start the process; answers running, already running, died or not ready. */
  public static final SupervisorRequest START = new SupervisorRequest(Action.START, Optional.empty(), Optional.empty());
  /** Stop the process; answers stopped, killed, stale or not running. */
  public static final SupervisorRequest STOP = new SupervisorRequest(Action.STOP, Optional.empty(), Optional.empty());
  /** Stop the process if it runs, then start it; answers as {@link #START}. */
  public static final SupervisorRequest RESTART = new SupervisorRequest(Action.RESTART, Optional.empty(), Optional.empty());
  /** Whether it runs; answers running, stale or not running. */
  public static final SupervisorRequest STATUS = new SupervisorRequest(Action.STATUS, Optional.empty(), Optional.empty());

  public SupervisorRequest {
    requireNonNull(action, "action");
    requireNonNull(signal, "signal");
    requireNonNull(environment, "environment");
    if (signal.isPresent() != (action == Action.SIGNAL)) {
      throw new IllegalArgumentException("a signal goes with the SIGNAL action only: " + action + " " + signal);
    }
    if (environment.isPresent() != (action == Action.SERVE)) {
      throw new IllegalArgumentException("an environment goes with the SERVE action only: " + action + " " + environment);
    }
  }

  /**
   * Start the process, or make the running one serve the release that just went live: with the
   * service's reload signal when it runs {@code environment} already, else by re-executing it (or
   * restarting it); answers served (started, reloaded, re-executed or restarted, with the pid), or,
   * when it failed, died, not ready or re-exec failed.
   */
  public static SupervisorRequest serve(String environment) {
    if (requireNonNull(environment, "environment").isEmpty()) {
      throw new IllegalArgumentException("an environment key must not be empty");
    }
    return new SupervisorRequest(Action.SERVE, Optional.empty(), Optional.of(environment));
  }

  /**
   * Send {@code name} (e.g. {@code HUP}, {@code USR2}, {@code SIGTERM}) to the running process;
   * answers running, stale or not running.
   */
  public static SupervisorRequest signal(String name) {
    String bare = name.startsWith("SIG") ? name.substring(3) : name;
    if (!bare.matches("[A-Z][A-Z0-9+-]*")) {
      throw new IllegalArgumentException("not a signal name: " + name + " (e.g. HUP, USR2, TERM)");
    }
    return new SupervisorRequest(Action.SIGNAL, Optional.of(bare), Optional.empty());
  }

  /** The request in words, e.g. {@code start}, {@code signal HUP} or {@code serve /opt/app/.slipway/envs/venv-1f}. */
  @Override
  public String toString() {
    return action.word() + signal.or(() -> environment).map(value -> " " + value).orElse("");
  }

  /** What the supervisor is asked to do. */
  public enum Action {
    START, STOP, RESTART, STATUS, SIGNAL, SERVE;

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
