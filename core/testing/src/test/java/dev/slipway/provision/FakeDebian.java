package dev.slipway.provision;

import dev.slipway.testing.FakeHost;
import dev.slipway.testing.RecordedCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A FakeHost scripted as a small Debian for the resources of {@link ProvisioningFakeHostTest}: the
 * account, package, locale and ownership commands they run, with just enough state that a second
 * run sees what the first one did. (A FakeHost answer is a fixed text; an answer that depends on
 * the state is a predicate over that state, scripted after the default answer, since the latest
 * matching answer wins.)
 */
final class FakeDebian {
  /** What the resources ask without changing anything. */
  static final List<String> READ_ONLY = List.of("getent ", "id -gn ", "stat -c ", "dpkg-query ",
      "command -v apt-get", "locale -a", "systemctl is-enabled ");

  final FakeHost host = FakeHost.named("web1");
  private final Set<String> done = new HashSet<>();
  private final Map<String, String> owners = new HashMap<>();

  FakeDebian() {
    host.when(line -> line.startsWith("command -v apt-get")).thenSucceed();
    once("getent group notes", "groupadd --system notes", "notes:x:999:");
    once("getent passwd notes", "useradd --system --gid notes --home-dir /srv/notes --shell /usr/sbin/nologin"
        + " --no-create-home notes", "notes:x:999:999::/srv/notes:/usr/sbin/nologin");
    host.when("id -gn notes").thenOutput("notes");
    host.when(line -> line.startsWith("dpkg-query ")).thenFail(1, "dpkg-query: no packages found matching sqlite3")
        .when(line -> line.startsWith("dpkg-query ") && done.contains("sqlite3"))
        .thenOutput("sqlite3 install ok installed\n")
        .when(line -> line.startsWith("apt-get install ")).thenDo(call -> done.add("sqlite3"));
    host.when("locale -a").thenOutput("C.utf8\nPOSIX\n")
        .when(line -> line.equals("locale -a") && done.contains("locale")).thenOutput("C.utf8\nfr_FR.utf8\nPOSIX\n")
        .when(line -> line.startsWith("sed -i ")).thenDo(call -> done.add("locale"))
        .when(line -> line.startsWith("update-locale ")).thenDo(call ->
            host.fs().mkdirs("/etc/default").write("/etc/default/locale", "LANG=fr_FR.UTF-8\n"));
    host.when(line -> line.startsWith("chown ")).thenDo(call -> owners.put(last(call), word(call, 1)))
        .when(line -> line.startsWith("chmod ")).thenDo(this::chmod);
  }

  /** Answers {@code stat -c %U:%G} for {@code path}: {@code root:root}, then {@code owner} once chown gave it. */
  FakeDebian owned(String path, String owner) {
    host.when(line -> line.startsWith("stat -c ") && line.endsWith(" " + path)).thenOutput("root:root")
        .when(line -> line.startsWith("stat -c ") && line.endsWith(" " + path) && owner.equals(owners.get(path)))
        .thenOutput(owner);
    return this;
  }

  private void once(String probe, String change, String answer) {
    host.when(probe).thenFail(2, "")
        .when(line -> line.equals(probe) && done.contains(probe)).thenOutput(answer)
        .when(change).thenDo(call -> done.add(probe));
  }

  private void chmod(RecordedCommand call) {
    int bits = Integer.parseInt(word(call, 1), 8);
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = PosixFilePermission.values();
    for (int bit = 0; bit < 9; bit++) {
      if ((bits & (0400 >> bit)) != 0) {
        permissions.add(order[bit]);
      }
    }
    try {
      Files.setPosixFilePermissions(host.fs().path(last(call)), permissions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String word(RecordedCommand call, int index) {
    return call.command().replace("'", "").split(" ")[index];
  }

  private static String last(RecordedCommand call) {
    String[] words = call.command().replace("'", "").split(" ");
    return words[words.length - 1];
  }
}
