package dev.slipway.release.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.release.InstallTarget;
import dev.slipway.release.ReleaseException;
import dev.slipway.release.ResolvedSource;
import dev.slipway.testing.FakeHost;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core sources: a directory, a local archive, a URL checked by SHA-256; installed on a fake host. */
class SourcesTest {
  @TempDir
  Path local;

  private final FakeHost host = FakeHost.named("web-1");
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void install(ResolvedSource source) {
    host.fs().mkdirs("/srv/app/.slipway/staging/next");
    source.install(host, new InstallTarget(host.name(), "/srv/app/.slipway/staging/next", Optional.empty(), "/srv/app/.slipway"));
  }

  private String installed(String path) {
    return host.fs().readString("/srv/app/.slipway/staging/next/" + path);
  }

  @Test
  void a_directory_is_packed_with_its_links_and_installed_with_one_command() throws IOException {
    Path app = Files.createDirectories(local.resolve("flask-app"));
    Files.writeString(Files.createDirectories(app.resolve("templates")).resolve("index.html"), "<h1>v1</h1>");
    Files.createSymbolicLink(app.resolve("index.html"), Path.of("templates/index.html"));

    ResolvedSource source = DirectorySource.of(app).resolve();
    install(source);

    assertThat(source.version()).isEqualTo("flask-app");
    assertThat(installed("templates/index.html")).isEqualTo("<h1>v1</h1>");
    assertThat(host.fs().readLink("/srv/app/.slipway/staging/next/index.html")).isEqualTo("templates/index.html");
    assertThat(host.fs().list("/srv/app/.slipway/staging/next")).containsExactlyInAnyOrder("index.html", "templates");
    assertThat(host.commands()).hasSize(1).allMatch(c -> c.startsWith("tar -xzf"));
  }

  @Test
  void a_missing_directory_fails_before_any_host_is_touched() {
    assertThatThrownBy(() -> DirectorySource.of(local.resolve("nope")).resolve())
        .isInstanceOf(ReleaseException.class).hasMessageContaining("nope").hasMessageContaining("does not exist");
  }

  @Test
  void a_tar_gz_archive_is_installed_without_its_top_directory() throws IOException {
    Path archive = tarGz(local.resolve("app-v2.tar.gz"), "app-v2/app.py", "VERSION = 'v2'");

    ResolvedSource source = ArchiveSource.of(archive).stripComponents(1).resolve();
    install(source);

    assertThat(source.version()).isEqualTo("app-v2");
    assertThat(installed("app.py")).isEqualTo("VERSION = 'v2'");
  }

  @Test
  void a_zip_archive_is_installed() throws IOException {
    Path archive = local.resolve("app.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      zip.putNextEntry(new ZipEntry("static/"));
      zip.putNextEntry(new ZipEntry("static/site.css"));
      zip.write("body {}".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    install(ArchiveSource.of(archive).version("v3").resolve());

    assertThat(installed("static/site.css")).isEqualTo("body {}");
  }

  @Test
  void an_archive_entry_outside_the_root_is_refused() throws IOException {
    Path archive = tarGz(local.resolve("evil.tar.gz"), "../../etc/cron.d/x", "* * * * * root sh");

    assertThatThrownBy(() -> ArchiveSource.of(archive).resolve()).isInstanceOf(ReleaseException.class)
        .hasMessageContaining("outside its root").hasMessageContaining("../../etc/cron.d/x");
  }

  @Test
  void a_url_source_is_downloaded_once_checked_and_installed() throws Exception {
    Path archive = tarGz(local.resolve("app-v4.tar.gz"), "app.py", "VERSION = 'v4'");
    URI url = serve(archive);

    ResolvedSource source = UrlSource.of(url).sha256(sha256(archive)).version("v4").resolve();
    install(source);

    assertThat(installed("app.py")).isEqualTo("VERSION = 'v4'");
    assertThat(source.metadata()).containsEntry("source.sha256", sha256(archive));
    assertThat(source.describe()).isEqualTo("url " + url);
  }

  @Test
  void a_url_source_with_a_wrong_checksum_fails_naming_both_sums() throws Exception {
    Path archive = tarGz(local.resolve("app.tar.gz"), "app.py", "x");
    String wrong = "0".repeat(64);

    assertThatThrownBy(() -> UrlSource.of(serve(archive)).sha256(wrong).resolve())
        .isInstanceOf(ReleaseException.class).hasMessageContaining("expected sha256 " + wrong)
        .hasMessageContaining(sha256(archive));
  }

  @Test
  void a_url_source_requires_a_checksum() throws Exception {
    URI url = serve(tarGz(local.resolve("app.tar.gz"), "app.py", "x"));

    assertThatThrownBy(() -> UrlSource.of(url).resolve()).hasMessageContaining("checksum is required");
  }

  private URI serve(Path file) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = Files.readAllBytes(file);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dist/" + file.getFileName());
  }

  private static Path tarGz(Path archive, String name, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
        new GzipCompressorOutputStream(Files.newOutputStream(archive)))) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(bytes.length);
      tar.putArchiveEntry(entry);
      tar.write(bytes);
      tar.closeArchiveEntry();
    }
    return archive;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
