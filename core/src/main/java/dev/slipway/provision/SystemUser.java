package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user account, added with {@code useradd} when missing and corrected with {@code usermod} when
 * its primary group, home or shell differ:
 *
 * <pre>{@code
 * SystemUser.named("notes").group("notes").home("/srv/notes").shell("/usr/sbin/nologin").build()
 * }</pre>
 *
 * <p>A system account unless {@link Builder#system(boolean)} says otherwise; its home directory is
 * not created (declare a {@link Directory} for it).
 */
public final class SystemUser implements Resource {
  private final String name;
  private final boolean system;
  private final Optional<String> group;
  private final Optional<String> home;
  private final Optional<String> shell;

  private SystemUser(Builder builder) {
    this.name = builder.name;
    this.system = builder.system;
    this.group = builder.group;
    this.home = builder.home;
    this.shell = builder.shell;
  }

  /** Starts describing the user {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  @Override
  public String describe() {
    return "user " + name;
  }

  @Override
  public Plan plan(Host host) {
    CommandResult entry = host.execute(Command.cmd("getent", "passwd", name));
    if (!entry.succeeded()) {
      return Plan.change("create", live -> live.run(useradd()));
    }
    String[] fields = entry.output().trim().split(":", -1);
    List<String> changes = new ArrayList<>();
    List<Object> usermod = new ArrayList<>();
    home.filter(wanted -> !wanted.equals(fields[5])).ifPresent(wanted -> {
      changes.add("home " + fields[5] + " -> " + wanted);
      usermod.addAll(List.of("--home", wanted));
    });
    shell.filter(wanted -> !wanted.equals(fields[6])).ifPresent(wanted -> {
      changes.add("shell " + fields[6] + " -> " + wanted);
      usermod.addAll(List.of("--shell", wanted));
    });
    group.ifPresent(wanted -> {
      String current = host.capture("id -gn %s", name).trim();
      if (!wanted.equals(current)) {
        changes.add("group " + current + " -> " + wanted);
        usermod.addAll(List.of("--gid", wanted));
      }
    });
    if (changes.isEmpty()) {
      return Plan.unchanged();
    }
    usermod.add(name);
    Command command = Command.cmd("usermod", usermod.toArray());
    return new Plan(changes, Optional.empty(), List.of(live -> live.run(command)));
  }

  private Command useradd() {
    List<Object> args = new ArrayList<>();
    if (system) {
      args.add("--system");
    }
    group.ifPresent(name -> args.addAll(List.of("--gid", name)));
    home.ifPresent(path -> args.addAll(List.of("--home-dir", path)));
    shell.ifPresent(path -> args.addAll(List.of("--shell", path)));
    args.addAll(List.of("--no-create-home", name));
    return Command.cmd("useradd", args.toArray());
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Describes a {@link SystemUser}; only the name is required. */
  public static final class Builder {
    private final String name;
    private boolean system = true;
    private Optional<String> group = Optional.empty();
    private Optional<String> home = Optional.empty();
    private Optional<String> shell = Optional.empty();

    private Builder(String name) {
      this.name = Accounts.requireName(requireNonNull(name, "name"));
    }

    /** Whether this is a system account ({@code useradd --system}); it is unless said otherwise. */
    public Builder system(boolean systemAccount) {
      this.system = systemAccount;
      return this;
    }

    /** The primary group, which must exist (declare a {@link SystemGroup} before the user). */
    public Builder group(String name) {
      this.group = Optional.of(Accounts.requireName(name));
      return this;
    }

    /** The home directory. */
    public Builder home(String path) {
      this.home = Optional.of(Paths.absolute(path));
      return this;
    }

    /** The login shell, e.g. {@code /usr/sbin/nologin}. */
    public Builder shell(String path) {
      this.shell = Optional.of(Paths.absolute(path));
      return this;
    }

    /** The resource. */
    public SystemUser build() {
      return new SystemUser(this);
    }
  }
}
