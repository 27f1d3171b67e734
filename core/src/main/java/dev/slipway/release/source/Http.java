package dev.slipway.release.source;

import dev.slipway.release.ReleaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Downloads by the controller (the JDK's HTTP client), for the sources that fetch over HTTP(S). */
final class Http {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private Http() {}

  /** Downloads {@code url} into a temporary file named {@code fileName}, removed when the JVM exits. */
  static Path download(URI url, String fileName) {
    try {
      Path directory = Files.createTempDirectory("slipway-download-");
      directory.toFile().deleteOnExit();
      Path file = directory.resolve(fileName.isEmpty() ? "download" : fileName);
      file.toFile().deleteOnExit();
      send(url, HttpResponse.BodyHandlers.ofFile(file));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("download of " + url + " failed: " + e.getMessage(), e);
    }
  }

  /** The body of {@code url} as text. */
  static String text(URI url) {
    return send(url, HttpResponse.BodyHandlers.ofString());
  }

  private static <T> T send(URI url, HttpResponse.BodyHandler<T> handler) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    try {
      HttpResponse<T> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(), handler);
      if (response.statusCode() != 200) {
        throw new ReleaseException("download of " + url + " failed with HTTP status " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("download of " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReleaseException("download of " + url + " was interrupted", e);
    }
  }
}
