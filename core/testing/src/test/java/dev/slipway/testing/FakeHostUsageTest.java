package dev.slipway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.CommandFailedException;
import dev.slipway.FileInfo;
import dev.slipway.Host;
import dev.slipway.Batch;
import dev.slipway.Operation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

/** How a user unit-tests deploy logic with FakeHost alone: no server, no shell, no mocks. */
class FakeHostUsageTest {
  private final FakeHost web = FakeHost.named("web1")
      .when(line -> line.startsWith("python3 -m venv ")).thenSucceed()
      .when(line -> line.startsWith(".venv/bin/pip install ")).thenOutput("Successfully installed flask\n")
      .when("systemctl restart flask-demo").thenSucceed();

  @Test
  void deploy_switches_current_to_the_new_release_and_restarts_the_service() {
    new FlaskDeploy("/opt/flask-demo").deploy(web, "20250101120000", archive("v2"));

    assertThat(web.fs().readLink("/opt/flask-demo/current")).startsWith("/opt/flask-demo/releases/");
    assertThat(web.fs().readString("/opt/flask-demo/current/app.py")).isEqualTo("VERSION = 'v2'\n");
    assertThat(web.commands()).contains("systemctl restart flask-demo")
        .containsSubsequence("python3 -m venv .venv", ".venv/bin/pip install -r requirements.txt",
            "systemctl restart flask-demo");
  }

  @Test
  void dependencies_are_installed_inside_the_new_release_and_the_restart_runs_as_root() {
    new FlaskDeploy("/opt/flask-demo").deploy(web, "20250101120000", archive("v2"));

    assertThat(web.recorded()).filteredOn(c -> c.command().startsWith(".venv/bin/pip"))
        .singleElement()
        .satisfies(c -> assertThat(c.context().directory()).contains("/opt/flask-demo/releases/20250101120000"));
    assertThat(web.recorded()).filteredOn(c -> c.command().startsWith("systemctl"))
        .singleElement()
        .satisfies(c -> assertThat(c.context().user()).contains("root"));
  }

  @Test
  void a_failed_dependency_install_leaves_the_live_release_alone() {
    FlaskDeploy flask = new FlaskDeploy("/opt/flask-demo");
    flask.deploy(web, "20250101120000", archive("v1"));
    web.when(line -> line.startsWith(".venv/bin/pip")).thenFail(1, "ERROR: No matching distribution for flask==9");

    assertThatThrownBy(() -> flask.deploy(web, "20250102120000", archive("v2")))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("web1")
        .hasMessageContaining("No matching distribution");

    assertThat(web.fs().readLink("/opt/flask-demo/current")).isEqualTo("/opt/flask-demo/releases/20250101120000");
    assertThat(web.fs().list("/opt/flask-demo/releases")).containsExactly("20250101120000");
    assertThat(web.commands()).containsOnlyOnce("systemctl restart flask-demo");
  }

  @Test
  void old_releases_are_cleaned_up_but_the_live_one_is_kept() {
    FlaskDeploy flask = new FlaskDeploy("/opt/flask-demo");

    for (String id : List.of("20250101120000", "20250102120000", "20250103120000", "20250104120000")) {
      flask.deploy(web, id, archive(id));
    }

    assertThat(web.fs().list("/opt/flask-demo/releases")).containsExactly("20250103120000", "20250104120000");
    assertThat(web.files()).containsKey("/opt/flask-demo/releases/20250104120000/app.py")
        .doesNotContainKey("/opt/flask-demo/releases/20250101120000/app.py");
  }

  /** The deploy logic under test: what a user of Slipway would write. */
  private static final class FlaskDeploy {
    private static final int KEEP = 2;
    private final String deployTo;

    FlaskDeploy(String deployTo) {
      this.deployTo = deployTo;
    }

    void deploy(Host host, String releaseId, byte[] archive) {
      String releases = deployTo + "/releases";
      String release = releases + "/" + releaseId;
      host.upload(new ByteArrayInputStream(archive), "/tmp/flask-demo.tgz", 0600);
      host.apply(Batch.of(new Operation.Mkdirs(release)));
      Host app = host.cd(release);
      try {
        app.run("tar -xzf %s -C %s", "/tmp/flask-demo.tgz", ".");
        app.run("python3 -m venv .venv");
        app.run(".venv/bin/pip install -r requirements.txt");
      } catch (RuntimeException e) {
        host.apply(Batch.of(new Operation.Remove(release)));
        throw e;
      }
      host.apply(Batch.of(new Operation.Symlink(release, deployTo + "/current")));
      host.sudo().run("systemctl restart flask-demo");
      cleanup(host, releases);
    }

    private void cleanup(Host host, String releases) {
      List<FileInfo> all = host.list(releases);
      for (FileInfo old : all.subList(0, Math.max(0, all.size() - KEEP))) {
        host.apply(Batch.of(new Operation.Remove(old.path())));
      }
    }
  }

  private static byte[] archive(String version) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      add(tar, "app.py", "VERSION = '" + version + "'\n");
      add(tar, "requirements.txt", "flask==3.0\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void add(TarArchiveOutputStream tar, String name, String content) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(data.length);
    entry.setMode(0644);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }
}
