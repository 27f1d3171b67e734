package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import dev.slipway.FileInfo;
import dev.slipway.Host;
import java.util.Optional;

/**
 * A directory with an owner, a group and a mode, created with its parents when missing:
 *
 * <pre>{@code
 * Directory.at("/srv/notes/shared").owner("notes").group("notes").mode(0750).build()
 * }</pre>
 */
public final class Directory implements Resource {
  private final String path;
  private final Ownership ownership;

  private Directory(Builder builder) {
    this.path = builder.path;
    this.ownership = builder.ownership;
  }

  /** Starts describing the directory at the absolute {@code path}. */
  public static Builder at(String path) {
    return new Builder(path);
  }

  /** The directory's path. */
  public String path() {
    return path;
  }

  @Override
  public String describe() {
    return "directory " + path;
  }

  @Override
  public Plan plan(Host host) {
    Optional<FileInfo> info = host.stat(path);
    if (info.isEmpty()) {
      Plan create = Plan.change("create", live -> {
        live.mkdirs(path);
        ownership.fix(live, path);
      });
      return new Plan(Paths.concat(create.changes(), ownership.declared()), Optional.empty(), create.actions());
    }
    if (!info.get().isDirectory()) {
      throw new ProvisionException(path + " is a " + info.get().type().name().toLowerCase() + ", not a directory");
    }
    return Paths.fixing(ownership, host, info.get());
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Describes a {@link Directory}; only the path is required. */
  public static final class Builder extends OwnedBuilder<Builder> {
    private final String path;

    private Builder(String path) {
      this.path = Paths.absolute(requireNonNull(path, "path"));
    }


    @Override
    Builder self() {
      return this;
    }

    /** The resource. */
    public Directory build() {
      return new Directory(this);
    }
  }
}
