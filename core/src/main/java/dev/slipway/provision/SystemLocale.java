package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.Host;
import java.util.Locale;

/**
 * A locale generated on the host and made its default ({@code LANG} in {@code /etc/default/locale}),
 * as paquerette's server layer does: {@code SystemLocale.of("fr_FR.UTF-8")}. Debian's way: the
 * locale's line is enabled in {@code /etc/locale.gen}, then {@code locale-gen} and
 * {@code update-locale} run.
 *
 * @param name the locale, e.g. {@code fr_FR.UTF-8}
 */
public record SystemLocale(String name) implements Resource {
  private static final String DEFAULTS = "/etc/default/locale";

  public SystemLocale {
    requireNonNull(name, "name");
    if (!name.matches("[A-Za-z]{2,3}_[A-Z]{2}\\.[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("not a locale like fr_FR.UTF-8: " + name);
    }
  }

  /** The locale {@code name}, generated and made the default. */
  public static SystemLocale of(String name) {
    return new SystemLocale(name);
  }

  @Override
  public String describe() {
    return "locale " + name;
  }

  @Override
  public Plan plan(Host host) {
    Plan plan = Plan.unchanged();
    if (!generated(host)) {
      plan = plan.and(Plan.change("generate", this::generate));
    }
    if (!isDefault(host)) {
      plan = plan.and(Plan.change("default LANG=" + name, live -> live.run(Command.cmd("update-locale",
          "LANG=" + name))));
    }
    return plan;
  }

  private boolean generated(Host host) {
    String normalized = normalize(name);
    return host.capture("locale -a").lines().map(SystemLocale::normalize).anyMatch(normalized::equals);
  }

  private boolean isDefault(Host host) {
    if (!host.exists(DEFAULTS)) {
      return false;
    }
    return host.readString(DEFAULTS).lines().map(String::trim)
        .anyMatch(line -> line.equals("LANG=" + name) || line.equals("LANG=\"" + name + "\""));
  }

  private void generate(Host host) {
    String line = name + " " + name.substring(name.indexOf('.') + 1);
    String commented = "^# *" + line.replace(".", "\\.") + "$";
    host.run(Command.format("sed -i %s /etc/locale.gen && { grep -qx %s /etc/locale.gen || echo %s >> /etc/locale.gen; }"
        + " && locale-gen", "s/" + commented + "/" + line + "/", line, line));
  }

  // locale -a says fr_FR.utf8 for fr_FR.UTF-8.
  private static String normalize(String locale) {
    return locale.toLowerCase(Locale.ROOT).replace("-", "");
  }
}
