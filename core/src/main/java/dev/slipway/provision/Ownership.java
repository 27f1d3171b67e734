package dev.slipway.provision;

import dev.slipway.Command;
import dev.slipway.FileInfo;
import dev.slipway.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The owner, group and mode a path resource declares; what is not declared is left as it is. */
record Ownership(Optional<String> owner, Optional<String> group, OptionalInt mode) {

  static Ownership none() {
    return new Ownership(Optional.empty(), Optional.empty(), OptionalInt.empty());
  }

  Ownership withOwner(String name) {
    return new Ownership(Optional.of(name), group, mode);
  }

  Ownership withGroup(String name) {
    return new Ownership(owner, Optional.of(name), mode);
  }

  Ownership withMode(int bits) {
    if (bits < 0 || bits > 07777) {
      throw new IllegalArgumentException("not a file mode: " + Integer.toOctalString(bits));
    }
    return new Ownership(owner, group, OptionalInt.of(bits));
  }

  /** The phrases for a path about to be created. */
  List<String> declared() {
    List<String> phrases = new ArrayList<>();
    if (owner.isPresent() || group.isPresent()) {
      phrases.add("owner " + owner.orElse("") + ":" + group.orElse(""));
    }
    mode.ifPresent(bits -> phrases.add("mode " + octal(bits)));
    return phrases;
  }

  /** What differs on the existing path {@code info}; asks the host for the owner only if one is declared. */
  List<String> differences(Host host, FileInfo info) {
    List<String> phrases = new ArrayList<>();
    if (owner.isPresent() || group.isPresent()) {
      String[] current = host.capture("stat -c %s -- %s", "%U:%G", info.path()).trim().split(":", 2);
      boolean same = owner.map(current[0]::equals).orElse(true)
          && group.map(name -> current.length > 1 && current[1].equals(name)).orElse(true);
      if (!same) {
        phrases.add("owner " + String.join(":", current) + " -> " + owner.orElse(current[0]) + ":"
            + group.orElse(current.length > 1 ? current[1] : ""));
      }
    }
    mode.ifPresent(bits -> {
      if ((info.mode() & 07777) != bits) {
        phrases.add("mode " + octal(info.mode() & 07777) + " -> " + octal(bits));
      }
    });
    return phrases;
  }

  /** Sets the declared owner and group of {@code path}. */
  void fixOwner(Host host, String path) {
    if (owner.isPresent() || group.isPresent()) {
      host.run(Command.cmd("chown", owner.orElse("") + group.map(name -> ":" + name).orElse(""), "--", path));
    }
  }

  /** Sets the declared mode and owner of {@code path}. */
  void fix(Host host, String path) {
    mode.ifPresent(bits -> host.run(Command.cmd("chmod", octal(bits), "--", path)));
    fixOwner(host, path);
  }

  static String octal(int bits) {
    return String.format("%04o", bits);
  }
}
