package dev.slipway.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.provision.ResourceReport.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages, groups and users for real, on this machine: runs only as root on a host with apt and
 * dpkg-scanpackages (skipped with the reason otherwise). The package is a tiny one built by the
 * test and served from a {@code file:} repository, so no network is used.
 */
class RootProvisioningTest {
  private static final String NAME = "slwprobe";
  private static final String SOURCES = "/etc/apt/sources.list.d/slipway-provision-test.list";

  private final Host local = LocalHost.named("local");
  @TempDir
  Path work;

  @BeforeEach
  void requireRootAndApt() {
    assumeTrue(local.capture("id -u").trim().equals("0"), "needs root: it installs a package and adds a user");
    assumeTrue(local.test("command -v apt-get && command -v dpkg-scanpackages && command -v useradd"),
        "needs apt-get, dpkg-scanpackages (dpkg-dev) and useradd");
    assumeTrue(!local.test("dpkg-query -W %s", NAME + "-pkg") && !local.test("getent passwd %s", NAME),
        "a previous run left " + NAME + " behind; remove the package and the user first");
  }

  @AfterEach
  void removeWhatTheTestAdded() {
    local.run("dpkg -P %s >/dev/null 2>&1; userdel %s 2>/dev/null; groupdel %s 2>/dev/null; rm -f %s; true",
        NAME + "-pkg", NAME, NAME, SOURCES);
  }

  @Test
  void a_package_group_and_user_are_added_once_and_found_the_second_time() throws IOException {
    localRepository();
    Provisioning system = Provisioning.newBuilder()
        .addLayer("platform", Packages.of(NAME + "-pkg"), SystemGroup.named(NAME),
            SystemUser.named(NAME).group(NAME).home("/nonexistent").shell("/usr/sbin/nologin").build())
        .build();

    ProvisionReport first = system.apply(local);
    ProvisionReport second = system.apply(local);

    assertThat(first.lines()).as(first.describe()).containsExactly(
        "local platform packages " + NAME + "-pkg: changed (install " + NAME + "-pkg)",
        "local platform group " + NAME + ": changed (create)",
        "local platform user " + NAME + ": changed (create)");
    assertThat(local.capture("dpkg-query -W -f %s %s", "${Status}", NAME + "-pkg")).isEqualTo("install ok installed");
    assertThat(local.capture("getent passwd %s", NAME)).endsWith(":/nonexistent:/usr/sbin/nologin");
    assertThat(second.with(Outcome.UNCHANGED)).as(second.describe()).hasSize(3);
  }

  /** Builds the package, indexes it in a file: repository and updates apt's list of that repository only. */
  private void localRepository() throws IOException {
    Path control = Files.createDirectories(work.resolve("pkg/DEBIAN")).resolve("control");
    Files.writeString(control, "Package: " + NAME + "-pkg\nVersion: 1.0\nArchitecture: all\n"
        + "Maintainer: Slipway tests <tests@slipway.invalid>\nDescription: Slipway provisioning test package\n");
    Path repository = Files.createDirectories(work.resolve("repo"));
    local.run("chmod 755 %s && dpkg-deb --root-owner-group --build %s %s >/dev/null", work, work.resolve("pkg"),
        repository.resolve(NAME + "-pkg_1.0_all.deb"));
    local.cd(repository.toString()).run("dpkg-scanpackages . 2>/dev/null > Packages && chmod -R a+rX .");
    Files.writeString(Path.of(SOURCES), "deb [trusted=yes] file:" + repository + " ./\n");
    local.run("apt-get update -qq -o Dir::Etc::sourcelist=%s -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0",
        SOURCES);
  }
}
