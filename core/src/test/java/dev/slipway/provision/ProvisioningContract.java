package dev.slipway.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.event.CommandEvent;
import dev.slipway.provision.ResourceReport.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Provisioning's real effects on a host whose files this machine can see: run on LocalHost and,
 * in the ssh module, over OpenSSH as an ordinary user.
 */
abstract class ProvisioningContract {
  private static final Renderer CONF = variables -> "database = " + variables.get("db")
      + "\npassword = " + variables.get("password") + "\n";
  private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

  /** A host that logs in as the user owning {@link #root()}. */
  protected abstract Host host();

  /** An empty directory the host's user owns. */
  protected abstract Path root();

  /** The host user's name and primary group, as {@code stat -c %U:%G} shows them. */
  private String owner() {
    return host().capture("id -un").trim() + ":" + host().capture("id -gn").trim();
  }

  @Test
  void a_second_run_reports_everything_unchanged_and_changes_nothing() throws IOException {
    Provisioning app = app("first");
    ProvisionReport first = app.apply(host());
    Object fileKey = Files.readAttributes(conf(), "unix:ino", LinkOption.NOFOLLOW_LINKS).get("ino");
    List<String> commands = new CopyOnWriteArrayList<>();

    ProvisionReport second = app.apply(host().withListener(event -> {
      if (event instanceof CommandEvent command) {
        commands.add(command.command());
      }
    }));

    assertThat(first.with(Outcome.CHANGED)).as(first.describe()).hasSize(4);
    assertThat(second.unchanged()).as(second.describe()).isTrue();
    assertThat(commands).allMatch(line -> line.startsWith("stat -c "));
    assertThat(Files.readAttributes(conf(), "unix:ino", LinkOption.NOFOLLOW_LINKS).get("ino")).isEqualTo(fileKey);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root().resolve("srv/app"))))
        .isEqualTo("rwxr-x---");
    assertThat(Files.readSymbolicLink(root().resolve("srv/app/current.conf")).toString()).isEqualTo(conf().toString());
  }

  @Test
  void a_changed_template_shows_its_diff_and_leaves_the_old_file_beside_the_new() throws IOException {
    app("first").apply(host());
    Files.writeString(conf(), Files.readString(conf()).replace("app.db", "old.db"));

    ProvisionReport preview = app("first").apply(host().dryRun());
    ProvisionReport update = app("first").apply(host());

    assertThat(preview.with(Outcome.WOULD_CHANGE)).singleElement().satisfies(file -> assertThat(file.diff()).get()
        .asString().contains("-database = " + root() + "/srv/old.db", "+database = " + root() + "/srv/app.db",
            " password = [REDACTED]").doesNotContain("first"));
    assertThat(update.with(Outcome.CHANGED)).extracting(ResourceReport::resource).containsExactly("file " + conf());
    assertThat(Files.readString(conf())).contains("app.db");
    assertThat(Files.readString(Path.of(conf() + ".20261202120000~"))).contains("old.db");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf()))).isEqualTo("rw-r-----");
  }

  private Path conf() {
    return root().resolve("srv/app/app.conf");
  }

  private Provisioning app(String password) {
    String base = root().toString();
    String[] user = owner().split(":");
    return Provisioning.newBuilder()
        .addLayer("instance",
            Directory.at(base + "/srv/app").owner(user[0]).group(user[1]).mode(0750).build(),
            ConfigFile.at(conf().toString()).clock(NOON).mode(0640).owner(user[0])
                .template(CONF, Map.of("db", base + "/srv/app.db", "password", Secret.of(password))).build(),
            Link.at(base + "/srv/app/current.conf", conf().toString()),
            Directory.at(base + "/srv/backups").mode(0700).build())
        .build();
  }
}
