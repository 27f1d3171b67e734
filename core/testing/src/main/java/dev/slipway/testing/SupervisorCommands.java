package dev.slipway.testing;

import dev.slipway.service.PidfileService;
import dev.slipway.service.SupervisorRequest;
import dev.slipway.service.SupervisorRequest.Action;
import java.util.Optional;

/**
 * Recognises the commands that one pidfile supervisor's requests of one action become, whatever
 * value they carry (the signal of a signal, the environment of a serve), and reads that value back.
 * The layout of the supervisor's arguments stays {@link PidfileService#command}'s: a request with a
 * probe value is rendered, and the text around the probe must match.
 */
record SupervisorCommands(PidfileService service, Action action) {
  private static final String PROBE_ENVIRONMENT = "slipway-fake-probe";
  private static final String PROBE_SIGNAL = "SLIPWAYFAKEPROBE";

  /** Whether {@code text} is one of these commands. */
  boolean matches(String text) {
    return value(text).isPresent();
  }

  /** The value {@code text} carries if it is one of these commands; the empty string for an action without one. */
  Optional<String> value(String text) {
    String probe = service.command(probeRequest()).toString();
    String word = " " + probeWord() + " ";
    int at = probe.indexOf(word);
    if (at < 0) {
      return text.equals(probe) ? Optional.of("") : Optional.empty();
    }
    String prefix = probe.substring(0, at + 1);
    String suffix = probe.substring(at + word.length() - 1);
    if (!text.startsWith(prefix) || !text.endsWith(suffix) || text.length() <= prefix.length() + suffix.length()) {
      return Optional.empty();
    }
    return ShellWords.split(text.substring(prefix.length(), text.length() - suffix.length()))
        .filter(words -> words.size() == 1).map(words -> words.get(0));
  }

  /** The request {@code text} carries if it is one of this service's, of any action. */
  static Optional<SupervisorRequest> request(PidfileService service, String text) {
    for (Action action : Action.values()) {
      SupervisorCommands commands = new SupervisorCommands(service, action);
      Optional<SupervisorRequest> request = commands.value(text).map(commands::request);
      if (request.isPresent()) {
        return request;
      }
    }
    return Optional.empty();
  }

  private SupervisorRequest probeRequest() {
    return request(probeWord());
  }

  private SupervisorRequest request(String value) {
    return switch (action) {
      case START -> SupervisorRequest.START;
      case STOP -> SupervisorRequest.STOP;
      case RESTART -> SupervisorRequest.RESTART;
      case STATUS -> SupervisorRequest.STATUS;
      case SIGNAL -> SupervisorRequest.signal(value);
      case SERVE -> SupervisorRequest.serve(value);
    };
  }

  private String probeWord() {
    return action == Action.SERVE ? PROBE_ENVIRONMENT : PROBE_SIGNAL;
  }

  @Override
  public String toString() {
    return service.name() + " " + action.name().toLowerCase(java.util.Locale.ROOT);
  }
}
