package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * How one resource ended on one host.
 *
 * @param host the host's name
 * @param layer the layer the resource belongs to
 * @param resource what the resource is ({@link Resource#describe()})
 * @param outcome unchanged, changed, would change (dry run) or failed
 * @param changes what differed, one phrase each
 * @param diff the unified diff of a file's text, secrets masked
 * @param error the one-line reason, for a failed resource
 */
public record ResourceReport(String host, String layer, String resource, Outcome outcome, List<String> changes,
                             Optional<String> diff, Optional<String> error) {
  public ResourceReport {
    requireNonNull(host, "host");
    requireNonNull(layer, "layer");
    requireNonNull(resource, "resource");
    requireNonNull(outcome, "outcome");
    changes = List.copyOf(changes);
    requireNonNull(diff, "diff");
    requireNonNull(error, "error");
  }

  /** One line: {@code web1 instance file /etc/notes.conf: changed (content, mode 0644 -> 0640)}. */
  public String line() {
    String detail = error.orElse(String.join(", ", changes));
    return host + " " + layer + " " + resource + ": " + outcome.word() + (detail.isEmpty() ? "" : " (" + detail + ")");
  }

  /** What happened to a resource. */
  public enum Outcome {
    UNCHANGED("unchanged"), CHANGED("changed"), WOULD_CHANGE("would change"), FAILED("failed");

    private final String word;

    Outcome(String word) {
      this.word = word;
    }

    /** The outcome as the report writes it. */
    public String word() {
      return word;
    }
  }
}
