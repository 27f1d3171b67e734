package dev.slipway.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Secret;
import dev.slipway.provision.ResourceReport.Outcome;
import dev.slipway.service.SystemdService;
import dev.slipway.testing.FakeHost;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisioningFakeHostTest {
  private static final Renderer NOTES_CONF = variables ->
      "[notes]\ndatabase = " + variables.get("db") + "\nsecret_key = " + variables.get("secret_key") + "\nworkers = 2\n";
  private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

  private final FakeDebian debian = new FakeDebian().owned("/srv/notes", "notes:notes")
      .owned("/etc/notes/notes.conf", "root:notes");
  private final FakeHost web = debian.host;

  @Test
  void the_first_run_changes_every_resource_and_the_second_none() {
    Provisioning notes = notes("k3y-one");

    ProvisionReport first = notes.apply(web);
    int commandsBefore = web.commands().size();
    Map<String, String> filesBefore = snapshot();
    ProvisionReport second = notes.apply(web);

    assertThat(first.succeeded()).isTrue();
    assertThat(first.resources()).extracting(ResourceReport::outcome).containsOnly(Outcome.CHANGED);
    assertThat(first.lines()).contains(
        "web1 server packages sqlite3: changed (install sqlite3)",
        "web1 server locale fr_FR.UTF-8: changed (generate, default LANG=fr_FR.UTF-8)",
        "web1 instance directory /srv/notes: changed (create, owner notes:notes, mode 0750)",
        "web1 instance link /etc/notes/current.conf: changed (create -> /etc/notes/notes.conf)");
    assertThat(second.unchanged()).as(second.describe()).isTrue();
    assertThat(web.commands().subList(commandsBefore, web.commands().size()))
        .allMatch(line -> FakeDebian.READ_ONLY.stream().anyMatch(line::startsWith));
    assertThat(snapshot()).isEqualTo(filesBefore);
  }

  @Test
  void a_changed_secret_is_named_but_not_shown_and_the_old_file_is_kept_beside_the_new() {
    notes("k3y-one").apply(web);

    ProvisionReport update = notes("k3y-two").select("instance").apply(web);

    ResourceReport file = update.resources().stream()
        .filter(r -> r.resource().equals("file /etc/notes/notes.conf")).findFirst().orElseThrow();
    assertThat(file.line()).isEqualTo("web1 instance file /etc/notes/notes.conf: changed (content (a secret changed))");
    assertThat(file.diff()).as("only a masked line differs").isEmpty();
    assertThat(web.fs().readString("/etc/notes/notes.conf")).contains("secret_key = k3y-two");
    assertThat(web.fs().readString("/etc/notes/notes.conf.20261202120000~")).contains("secret_key = k3y-one");
  }

  @Test
  void a_dry_run_reports_what_would_change_with_the_diff_and_changes_nothing() {
    notes("k3y-one").apply(web);
    web.fs().write("/etc/notes/notes.conf", "[notes]\ndatabase = /tmp/old.db\nsecret_key = s3cret-old\n");
    int commandsBefore = web.commands().size();

    ProvisionReport preview = notes("k3y-one").apply(web.dryRun());

    ResourceReport file = preview.with(Outcome.WOULD_CHANGE).get(0);
    assertThat(preview.with(Outcome.WOULD_CHANGE)).hasSize(1);
    assertThat(file.line()).isEqualTo("web1 instance file /etc/notes/notes.conf: would change (content, mode 0644 -> 0640)");
    assertThat(file.diff()).get().asString()
        .contains("-database = /tmp/old.db", "+database = /srv/notes/shared/notes.db", "+workers = 2",
            " secret_key = [REDACTED]")
        .doesNotContain("s3cret-old", "k3y-one");
    assertThat(preview.describe()).contains(file.line() + "\n--- /etc/notes/notes.conf (on web1)");
    assertThat(web.fs().readString("/etc/notes/notes.conf")).contains("s3cret-old");
    assertThat(web.commands().subList(commandsBefore, web.commands().size()))
        .allMatch(line -> FakeDebian.READ_ONLY.stream().anyMatch(line::startsWith));
  }

  @Test
  void a_host_without_apt_fails_on_one_line_and_stops_there() {
    web.when(line -> line.startsWith("command -v apt-get")).thenFail(1, "");

    ProvisionReport report = notes("k3y-one").apply(web);

    assertThat(report.succeeded()).isFalse();
    assertThat(report.lines()).containsExactly("web1 server packages sqlite3: failed (packages are unsupported on"
        + " web1: only apt (Debian, Ubuntu) is, and this host has no apt-get)");
  }

  @Test
  void a_file_where_a_directory_should_be_is_reported_and_left_alone() {
    web.fs().mkdirs("/srv").write("/srv/notes", "not a directory");

    ProvisionReport report = notes("k3y-one").select("instance").apply(web);

    assertThat(report.lines()).containsExactly(
        "web1 instance directory /etc/notes: changed (create)",
        "web1 instance directory /srv/notes: failed (/srv/notes is a file, not a directory)");
    assertThat(web.fs().readString("/srv/notes")).isEqualTo("not a directory");
  }

  @Test
  void a_systemd_unit_is_installed_with_its_diff_and_left_alone_once_enabled() {
    SystemdService service = SystemdService.named("notes").unit("[Service]\nExecStart=/usr/bin/python3 app.py\n")
        .build();
    Provisioning units = Provisioning.newBuilder().addLayer("instance", SystemdUnit.of(service)).build();
    web.fs().mkdirs("/etc/systemd/system");
    web.when(line -> line.startsWith("systemctl daemon-reload")).thenSucceed()
        .when("systemctl is-enabled --quiet notes.service").thenSucceed();

    ResourceReport installed = units.apply(web).resources().get(0);
    ProvisionReport again = units.apply(web);

    assertThat(installed.line()).isEqualTo("web1 instance unit notes.service: changed (create)");
    assertThat(installed.diff()).get().asString().contains("+ExecStart=/usr/bin/python3 app.py");
    assertThat(web.commands()).containsExactly("systemctl daemon-reload && systemctl enable notes.service",
        "systemctl is-enabled --quiet notes.service");
    assertThat(again.unchanged()).isTrue();
  }

  private Map<String, String> snapshot() {
    Map<String, String> files = new HashMap<>();
    web.files().forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return files;
  }

  private static Provisioning notes(String key) {
    return Provisioning.newBuilder()
        .addLayer("server", Packages.of("sqlite3"), SystemLocale.of("fr_FR.UTF-8"))
        .addLayer("platform", SystemGroup.named("notes"),
            SystemUser.named("notes").group("notes").home("/srv/notes").shell("/usr/sbin/nologin").build())
        .addLayer("instance", List.of(
            Directory.at("/etc/notes").build(),
            Directory.at("/srv/notes").owner("notes").group("notes").mode(0750).build(),
            ConfigFile.at("/etc/notes/notes.conf").clock(NOON)
                .template(NOTES_CONF, Map.of("db", "/srv/notes/shared/notes.db", "secret_key", Secret.of(key)))
                .owner("root").group("notes").mode(0640).build(),
            Link.at("/etc/notes/current.conf", "/etc/notes/notes.conf")))
        .build();
  }
}
