package dev.slipway.provision;

import dev.slipway.FileInfo;
import dev.slipway.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the path resources share. */
final class Paths {
  private Paths() {}

  static String absolute(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("resource paths must be absolute, was: " + path);
    }
    return path;
  }

  /** The plan that sets the declared owner and mode of an existing path, if they differ. */
  static Plan fixing(Ownership ownership, Host host, FileInfo info) {
    List<String> differences = ownership.differences(host, info);
    if (differences.isEmpty()) {
      return Plan.unchanged();
    }
    return new Plan(differences, Optional.empty(), List.of(live -> ownership.fix(live, info.path())));
  }

  static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
