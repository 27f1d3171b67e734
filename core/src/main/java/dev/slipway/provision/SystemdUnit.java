package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.service.SystemdService;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SystemdService}'s unit file as a resource: installed (followed by
 * {@code daemon-reload}) when its text differs, with the diff in the report, and enabled:
 * {@code SystemdUnit.of(notesService)}.
 *
 * @param service the service whose unit text is installed
 */
public record SystemdUnit(SystemdService service) implements Resource {
  public SystemdUnit {
    requireNonNull(service, "service");
    if (service.unitText().isEmpty()) {
      throw new IllegalArgumentException(service + " has no unit text to install");
    }
  }

  /** The unit of {@code service}. */
  public static SystemdUnit of(SystemdService service) {
    return new SystemdUnit(service);
  }

  @Override
  public String describe() {
    return "unit " + service.unitName();
  }

  @Override
  public Plan plan(Host host) {
    String wanted = service.unitText().orElseThrow();
    String path = service.unitPath();
    Optional<String> current = host.exists(path) ? Optional.of(host.readString(path)) : Optional.empty();
    if (current.equals(Optional.of(wanted))) {
      boolean enabled = host.test(Command.cmd("systemctl", "is-enabled", "--quiet", service.unitName()));
      return enabled ? Plan.unchanged() : Plan.change("enable", service::install);
    }
    Optional<String> diff = TextDiff.unified(path, host.name(), current.orElse(""), wanted);
    return new Plan(List.of(current.isPresent() ? "content" : "create"), diff, List.of(service::install));
  }
}
