package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link Resource} found different on a host, and the actions that change it.
 *
 * @param changes one short phrase per difference, e.g. {@code "mode 0644 -> 0640"}; empty when unchanged
 * @param diff a unified diff of a file's text, secrets masked
 * @param actions run in order to converge
 */
public record Plan(List<String> changes, Optional<String> diff, List<Change> actions) {
  public Plan {
    changes = List.copyOf(changes);
    requireNonNull(diff, "diff");
    actions = List.copyOf(actions);
  }

  /** Nothing differs. */
  public static Plan unchanged() {
    return new Plan(List.of(), Optional.empty(), List.of());
  }

  /** One difference, changed by {@code action}. */
  public static Plan change(String what, Change action) {
    return new Plan(List.of(what), Optional.empty(), List.of(action));
  }

  /** This plan followed by {@code next}: both lists of changes, this plan's actions first. */
  public Plan and(Plan next) {
    List<String> allChanges = new ArrayList<>(changes);
    allChanges.addAll(next.changes);
    List<Change> allActions = new ArrayList<>(actions);
    allActions.addAll(next.actions);
    return new Plan(allChanges, diff.or(next::diff), allActions);
  }

  /** This plan with a diff to show. */
  public Plan withDiff(String unifiedDiff) {
    return new Plan(changes, Optional.of(unifiedDiff), actions);
  }

  /** Whether the host already is as described. */
  public boolean isUnchanged() {
    return changes.isEmpty();
  }

  /** Runs the actions on {@code host}. */
  void applyTo(Host host) {
    actions.forEach(action -> action.apply(host));
  }
}
