package dev.slipway.release.source;

import static java.util.Objects.requireNonNull;

import dev.slipway.release.ReleaseException;
import dev.slipway.release.ResolvedSource;
import dev.slipway.release.Source;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A release archive downloaded once by the controller from a URL and checked against its required
 * SHA-256 before any host is touched; hosts need no network access to the URL:
 *
 * <pre>{@code
 * releases.source(UrlSource.of(URI.create("https://example.com/app-v2.tar.gz"))
 *     .sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
 *     .version("v2"));
 * }</pre>
 *
 * The archive type comes from the URL's path ({@code .tar.gz}, {@code .tgz}, {@code .tar},
 * {@code .zip}); without {@link #version(String)}, the version is the file name without extension.
 */
public final class UrlSource implements Source {
  private final URI url;
  private final Optional<String> sha256;
  private final Optional<String> version;
  private final int strip;

  private UrlSource(Builder builder) {
    url = builder.url;
    sha256 = builder.sha256;
    version = builder.version;
    strip = builder.strip;
  }

  /** This source with {@code change} applied to a builder of its settings. */
  private UrlSource copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new UrlSource(builder);
  }

  /** The archive at {@code url}; give its checksum with {@link #sha256(String)}. */
  public static UrlSource of(URI url) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("only http and https URLs are supported, was: " + url);
    }
    return new UrlSource(new Builder(requireNonNull(url, "url")));
  }

  /** The SHA-256 the download must have, in hex (required). */
  public UrlSource sha256(String hex) {
    String lower = hex.toLowerCase(Locale.ROOT);
    if (!lower.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits, was: " + hex);
    }
    return copy(builder -> builder.sha256 = Optional.of(lower));
  }

  /** This source, recorded as {@code newVersion}. */
  public UrlSource version(String newVersion) {
    String checked = Versions.check(newVersion);
    return copy(builder -> builder.version = Optional.of(checked));
  }

  /** This source without the first {@code count} path elements of each entry. */
  public UrlSource stripComponents(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("stripComponents must be >= 0, was " + count);
    }
    return copy(builder -> builder.strip = count);
  }

  @Override
  public ResolvedSource resolve() {
    String expected = sha256.orElseThrow(() -> new ReleaseException("a checksum is required for " + url
        + ": call sha256(\"<64 hex digits>\") (e.g. from sha256sum of the file you published)"));
    String fileName = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
    Path download = Http.download(url, fileName);
    String actual = Versions.sha256(download);
    if (!actual.equals(expected)) {
      throw new ReleaseException("checksum mismatch for " + url + ": expected sha256 " + expected + " but the download"
          + " has " + actual + "; nothing was deployed");
    }
    return new PackedRelease(version.orElse(Versions.fromFileName(fileName)), "url " + url,
        Map.of("source.url", url.toString(), "source.sha256", actual), Archive.ofArchive(download, strip));
  }

  /** The settings of one {@code UrlSource} while a copy of it is being made. */
  private static final class Builder {
    private final URI url;
    private Optional<String> sha256 = Optional.empty();
    private Optional<String> version = Optional.empty();
    private int strip;

    private Builder(URI url) {
      this.url = url;
    }

    private Builder(UrlSource from) {
      url = from.url;
      sha256 = from.sha256;
      version = from.version;
      strip = from.strip;
    }
  }
}
