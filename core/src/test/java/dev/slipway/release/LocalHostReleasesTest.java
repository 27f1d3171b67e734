package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
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
}
