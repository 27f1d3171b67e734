package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import dev.slipway.FileInfo;
import dev.slipway.Host;
import java.util.Optional;

/**
 * A symbolic link at {@code path} pointing at {@code target}, replaced atomically when it points
 * elsewhere: {@code Link.at("/etc/nginx/sites-enabled/notes", "/etc/nginx/sites-available/notes")}.
 * A file or directory at {@code path} is left alone and reported as a failure.
 *
 * @param path where the link is (absolute)
 * @param target the link's text
 */
public record Link(String path, String target) implements Resource {
  public Link {
    Paths.absolute(requireNonNull(path, "path"));
    requireNonNull(target, "target");
  }

  /** The link at {@code path} to {@code target}. */
  public static Link at(String path, String target) {
    return new Link(path, target);
  }

  @Override
  public String describe() {
    return "link " + path;
  }

  @Override
  public Plan plan(Host host) {
    Optional<FileInfo> info = host.stat(path);
    if (info.isPresent() && !info.get().isSymlink()) {
      throw new ProvisionException(path + " is a " + info.get().type().name().toLowerCase() + ", not a symlink");
    }
    Optional<String> current = info.flatMap(FileInfo::linkTarget);
    if (current.equals(Optional.of(target))) {
      return Plan.unchanged();
    }
    String phrase = current.map(old -> "target " + old + " -> " + target).orElse("create -> " + target);
    return Plan.change(phrase, live -> live.symlink(target, path));
  }
}
