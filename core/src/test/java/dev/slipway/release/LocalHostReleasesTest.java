package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.release.deps.DependencyEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release rules on this machine's real file system and {@code /bin/sh}. */
class LocalHostReleasesTest extends ReleasesContract {
  @TempDir
  Path machine;

  @Override
  protected Host newHost(String name) {
    return LocalHost.named(name);
  }

  @Override
  protected String deployDirectory() {
    return machine.resolve("opt/flask-demo").toAbsolutePath().toString();
  }

  @Override
  protected int builds(Host host, String counter) {
    try {
      return Files.exists(Path.of(counter)) ? Files.readAllLines(Path.of(counter)).size() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void a_listing_of_a_real_run_shows_ids_versions_and_states() {
    Releases releases = releases().keep(3);
    for (String version : List.of("v1", "v2", "v3")) {
      releases.source(app(version)).deploy(host);
    }
    releases.rollback(host);
    releases.source(app("v4")).deploy(host);

    List<Release> listed = releases.releases(host);
    listed.forEach(release -> System.out.println("listing: " + release.describe()));

    assertThat(listed).extracting(Release::version).containsExactly("v4", "v3", "v2", "v1");
    assertThat(listed).extracting(Release::state).containsExactly(ReleaseState.LIVE, ReleaseState.ROLLED_BACK,
        ReleaseState.PREVIOUS, ReleaseState.PREVIOUS);
  }

  @Test
  void a_python_venv_is_built_once_at_its_final_path_and_works_through_the_release_link() {
    assumeTrue(host.test("command -v python3"), "python3 is needed for a real venv");
    Releases releases = releases().dependencies(DependencyEnvironment.of("venv").lockFiles("requirements.txt")
        .build("python3 -m venv --without-pip {dir}"));
    releases.source(app("v1")).deploy(host);
    String built = host.readLink(deployTo + "/current/venv").orElseThrow();
    releases.source(app("v2")).deploy(host);

    assertThat(host.readLink(deployTo + "/current/venv")).contains(built);
    assertThat(host.capture("%s -c %s", deployTo + "/current/venv/bin/python",
        "import sys; print(sys.prefix != sys.base_prefix)")).isEqualTo("True");
  }
}
