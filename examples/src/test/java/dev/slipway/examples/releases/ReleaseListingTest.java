package dev.slipway.examples.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.release.Release;
import dev.slipway.release.ReleaseState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseListingTest {
  @TempDir
  Path base;

  @Test
  void three_deploys_and_a_rollback_list_v2_live_v3_rolled_back_and_v1_previous() throws Exception {
    List<Release> listed = ReleaseListing.run(base);
    ReleaseListing.print(base + "/opt/flask-demo", listed, System.out);

    assertThat(listed).extracting(Release::version).containsExactly("v3", "v2", "v1");
    assertThat(listed).extracting(Release::state)
        .containsExactly(ReleaseState.ROLLED_BACK, ReleaseState.LIVE, ReleaseState.PREVIOUS);
    assertThat(Files.readString(base.resolve("opt/flask-demo/current/app.py"))).isEqualTo("VERSION = 'v2'\n");
  }
}
