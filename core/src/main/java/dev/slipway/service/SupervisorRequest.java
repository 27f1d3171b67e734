package dev.slipway.service;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What {@link PidfileService} asks its host-side supervisor to do: the typed half of its protocol,
 * answered by a {@link SupervisorAnswer}. Tests script a fake host with it:
 *
 * <pre>{@code
 * web.when(app.supervisor(), SupervisorRequest.START).thenAnswer(SupervisorAnswer.running(42));
 * }</pre>
 *
 * @param action what to do
 * @param signal the signal's name without {@code SIG} (e.g. {@code HUP}) for {@link Action#SIGNAL}
 */
public record SupervisorRequest(Action action, Optional<String> signal) {
  /** Start the process; answers running, already running, died or not ready. */
  public static final SupervisorRequest START = new SupervisorRequest(Action.START, Optional.empty());
  /** Stop the process; answers stopped, killed, stale or not running. */
  public static final SupervisorRequest STOP = new SupervisorRequest(Action.STOP, Optional.empty());
  /** Stop the process if it runs, then start it; answers as {@link #START}. */
  public static final SupervisorRequest RESTART = new SupervisorRequest(Action.RESTART, Optional.empty());
  /** Whether it runs; answers running, stale or not running. */
  public static final SupervisorRequest STATUS = new SupervisorRequest(Action.STATUS, Optional.empty());

  public SupervisorRequest {
    requireNonNull(action, "action");
    requireNonNull(signal, "signal");
    if (signal.isPresent() != (action == Action.SIGNAL)) {
      throw new IllegalArgumentException("a signal goes with the SIGNAL action only: " + action + " " + signal);
    }
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
    return new SupervisorRequest(Action.SIGNAL, Optional.of(bare));
  }

  /** The request in words, e.g. {@code start} or {@code signal HUP}. */
  @Override
  public String toString() {
    return action.word() + signal.map(name -> " " + name).orElse("");
  }

  /** What the supervisor is asked to do. */
  public enum Action {
    START, STOP, RESTART, STATUS, SIGNAL;

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
