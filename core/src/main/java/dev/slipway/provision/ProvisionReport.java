package dev.slipway.provision;

import dev.slipway.provision.ResourceReport.Outcome;
import java.util.List;

/**
 * What a {@link Provisioning} run did: one {@link ResourceReport} per resource and host, in the
 * order they ran. A host stops at its first failed resource (later ones may depend on it).
 */
public record ProvisionReport(List<ResourceReport> resources) {
  public ProvisionReport {
    resources = List.copyOf(resources);
  }

  /** Whether no resource failed. */
  public boolean succeeded() {
    return resources.stream().noneMatch(r -> r.outcome() == Outcome.FAILED);
  }

  /** Whether every resource was already as described. */
  public boolean unchanged() {
    return resources.stream().allMatch(r -> r.outcome() == Outcome.UNCHANGED);
  }

  /** The resources that ended with {@code outcome}. */
  public List<ResourceReport> with(Outcome outcome) {
    return resources.stream().filter(r -> r.outcome() == outcome).toList();
  }

  /** One line per resource ({@link ResourceReport#line()}). */
  public List<String> lines() {
    return resources.stream().map(ResourceReport::line).toList();
  }

  /** The lines, each followed by its diff when it has one: what a command line prints. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (ResourceReport resource : resources) {
      text.append(resource.line()).append('\n');
      resource.diff().ifPresent(diff -> text.append(diff.endsWith("\n") ? diff : diff + "\n"));
    }
    return text.toString();
  }
}
