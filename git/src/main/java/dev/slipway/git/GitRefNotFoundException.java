package dev.slipway.git;

import java.util.List;

/**
 * A tag, branch or commit id that the repository does not have. The message lists the nearest
 * names the repository does have, so a typo ({@code v2.} for {@code v2}) is obvious:
 *
 * <pre>
 * No tag, branch or commit "v4" in /home/me/app: nearest are v1, v2, v3
 * </pre>
 */
public class GitRefNotFoundException extends GitSourceException {
  private static final long serialVersionUID = 1L;

  private final String ref;
  private final List<String> nearest;

  public GitRefNotFoundException(String repository, String ref, List<String> nearest) {
    super("No tag, branch or commit \"" + ref + "\" in " + repository
        + (nearest.isEmpty() ? ": the repository has no tags or branches" : ": nearest are " + String.join(", ", nearest)));
    this.ref = ref;
    this.nearest = List.copyOf(nearest);
  }

  /** The ref that was asked for. */
  public String ref() {
    return ref;
  }

  /** The repository's tags and branches closest to {@link #ref()}, nearest first. */
  public List<String> nearest() {
    return nearest;
  }
}
