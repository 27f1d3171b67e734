package dev.slipway.node;

import dev.slipway.SlipwayException;
import java.util.List;

/**
 * A node tree cannot be built: a required setting is missing, a role is mapped from a parent role
 * that does not exist, two actions share a name… The message lists every problem, each starting
 * with the node's path:
 *
 * <pre>
 * The node tree has 2 problems:
 *   /production/cache: required setting 'service' (field UpstartService.service) is not set
 *   /production/git: role 'host' is mapped from parent role 'wwww', but the parent has roles [web, queue]; …
 * </pre>
 */
public class InvalidTreeException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidTreeException(List<String> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one line each, starting with the node path. */
  public List<String> problems() {
    return problems;
  }

  private static String describe(List<String> problems) {
    return "The node tree has " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:")
        + "\n  " + String.join("\n  ", problems);
  }
}
