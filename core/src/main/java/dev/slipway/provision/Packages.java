package dev.slipway.provision;

import dev.slipway.Command;
import dev.slipway.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * System packages, installed with {@code apt-get} when missing: {@code Packages.of("nginx", "sqlite3")}.
 *
 * <p>The package manager is detected on each host; only apt (Debian, Ubuntu) is supported, and a
 * host without it fails this resource with one line saying so. Installed packages are never
 * upgraded or removed. The package lists are used as they are ({@code apt-get update} is not run).
 *
 * @param names the packages, in the order they are installed
 */
public record Packages(List<String> names) implements Resource {
  public Packages {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("Packages needs at least one package name");
    }
    names.forEach(name -> {
      if (!name.matches("[a-z0-9][a-z0-9+.-]+")) {
        throw new IllegalArgumentException("not a Debian package name: " + name);
      }
    });
  }

  /** The packages {@code names}. */
  public static Packages of(String... names) {
    return new Packages(List.of(names));
  }

  @Override
  public String describe() {
    return "packages " + String.join(" ", names);
  }

  @Override
  public Plan plan(Host host) {
    if (!host.test("command -v apt-get >/dev/null && command -v dpkg-query >/dev/null")) {
      throw new ProvisionException("packages are unsupported on " + host.name()
          + ": only apt (Debian, Ubuntu) is, and this host has no apt-get");
    }
    List<String> missing = missing(host);
    if (missing.isEmpty()) {
      return Plan.unchanged();
    }
    List<Object> args = new ArrayList<>(List.of("install", "-y", "--no-install-recommends", "--"));
    args.addAll(missing);
    Command install = Command.cmd("apt-get", args.toArray());
    return Plan.change("install " + String.join(" ", missing),
        live -> live.env("DEBIAN_FRONTEND", "noninteractive").run(install));
  }

  private List<String> missing(Host host) {
    List<Object> args = new ArrayList<>(List.of("-W", "-f", "${Package} ${Status}\\n", "--"));
    args.addAll(names);
    // dpkg-query exits 1 when it knows some package not at all; its lines still list the others.
    String shown = host.run(Command.cmd("dpkg-query", args.toArray()).allowFailure()).stdout();
    Set<String> installed = shown.lines().map(line -> line.split(" "))
        .filter(words -> words.length == 4 && words[3].equals("installed"))
        .map(words -> words[0].split(":")[0]).collect(Collectors.toSet());
    return names.stream().filter(name -> !installed.contains(name)).toList();
  }
}
