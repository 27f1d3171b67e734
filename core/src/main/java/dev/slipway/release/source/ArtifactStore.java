package dev.slipway.release.source;

import static java.util.Objects.requireNonNull;

import dev.slipway.release.ReleaseException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A store of build artifacts in yodeploy's layout, in a local directory or over HTTP(S):
 * {@code <app>/<target>/<artifact>/<version>} is one version, {@code <version>.meta} its SHA-256
 * and metadata ({@code key=value} lines), and {@code latest} the newest version's name.
 *
 * <pre>{@code
 * ArtifactStore store = ArtifactStore.http(URI.create("https://artifacts.example.com/"));
 * releases.source(store.artifact("notes", "master", "notes.tar.gz"));                 // latest
 * releases.source(store.artifact("notes", "master", "notes.tar.gz").version("42"));   // version 42
 * ArtifactStore.local(Path.of("artifacts")).publish("notes", "master", "notes.tar.gz", "43", build, Map.of());
 * }</pre>
 *
 * <p>The controller downloads the artifact and checks it against its {@code .meta} before any host
 * is touched. Publishing writes to a local store only (serve that directory over HTTP to share it).
 */
public final class ArtifactStore {
  private static final String NAME = "[A-Za-z0-9_][A-Za-z0-9._-]*";
  static final String SHA256 = "sha256";

  private final Optional<Path> directory;
  private final Optional<URI> base;

  private ArtifactStore(Optional<Path> directory, Optional<URI> base) {
    this.directory = directory;
    this.base = base;
  }

  /** The store in the local {@code directory}. */
  public static ArtifactStore local(Path directory) {
    return new ArtifactStore(Optional.of(directory.toAbsolutePath()), Optional.empty());
  }

  /** The store served at {@code base} over http or https. */
  public static ArtifactStore http(URI base) {
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new IllegalArgumentException("an artifact store URL is http or https, was: " + base);
    }
    String text = base.toString();
    return new ArtifactStore(Optional.empty(), Optional.of(URI.create(text.endsWith("/") ? text : text + "/")));
  }

  /** The newest version of {@code artifact} (e.g. {@code notes.tar.gz}) built for {@code app} on {@code target}. */
  public ArtifactSource artifact(String app, String target, String artifact) {
    return new ArtifactSource(this, path(app, target, artifact), artifact, Optional.empty());
  }

  /**
   * Adds {@code file} as {@code version} of the artifact, with its {@code .meta} (its SHA-256 and
   * {@code metadata}), then points {@code latest} at it; each file is renamed into place whole.
   *
   * @return the SHA-256 recorded
   */
  public String publish(String app, String target, String artifact, String version, Path file,
                        Map<String, String> metadata) {
    Path root = directory.orElseThrow(() -> new UnsupportedOperationException(
        "publishing needs a local store; " + base.orElseThrow() + " is read over HTTP"));
    Path folder = root.resolve(path(app, target, artifact));
    String checked = name(version, "version");
    String sha256 = Versions.sha256(file);
    Map<String, String> meta = new TreeMap<>(metadata);
    meta.put(SHA256, sha256);
    try {
      Files.createDirectories(folder);
      place(folder, checked, Files.readAllBytes(file));
      place(folder, checked + ".meta", formatMeta(meta).getBytes(StandardCharsets.UTF_8));
      place(folder, "latest", (checked + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + checked + " of " + folder + ": " + e.getMessage(), e);
    }
    return sha256;
  }

  /** The text of the store's file at {@code relative}. */
  String text(String relative) {
    if (base.isPresent()) {
      return Http.text(base.get().resolve(relative));
    }
    try {
      return Files.readString(directory.orElseThrow().resolve(relative));
    } catch (NoSuchFileException e) {
      throw new ReleaseException("the artifact store has no " + directory.orElseThrow().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative + " from the artifact store: " + e.getMessage(), e);
    }
  }

  /** The store's file at {@code relative}, in a temporary file named {@code fileName}. */
  Path fetch(String relative, String fileName) {
    if (base.isPresent()) {
      return Http.download(base.get().resolve(relative), fileName);
    }
    try {
      Path copy = Files.createTempDirectory("slipway-artifact-").resolve(fileName);
      copy.getParent().toFile().deleteOnExit();
      copy.toFile().deleteOnExit();
      return Files.copy(directory.orElseThrow().resolve(relative), copy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative + " from the artifact store: " + e.getMessage(), e);
    }
  }

  /** Where the store is, for messages. */
  String location() {
    return base.map(URI::toString).orElseGet(() -> directory.orElseThrow() + "/");
  }

  static Map<String, String> parseMeta(String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> meta = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> meta.put(key, properties.getProperty(key)));
    return meta;
  }

  private static String formatMeta(Map<String, String> meta) {
    StringBuilder text = new StringBuilder();
    meta.forEach((key, value) -> {
      Properties one = new Properties();
      one.setProperty(key, value);
      StringWriter line = new StringWriter();
      try {
        one.store(line, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      line.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> text.append(l).append('\n'));
    });
    return text.toString();
  }

  private static void place(Path folder, String name, byte[] content) throws IOException {
    Path temporary = Files.createTempFile(folder, "." + name, ".tmp");
    Files.write(temporary, content);
    Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String path(String app, String target, String artifact) {
    return name(app, "app") + "/" + name(target, "target") + "/" + name(artifact, "artifact");
  }

  static String name(String value, String what) {
    if (!requireNonNull(value, what).matches(NAME) || value.endsWith(".meta") || value.equals("latest")) {
      throw new IllegalArgumentException("an artifact store " + what + " is a plain name (letters, digits, . _ -),"
          + " was: " + value);
    }
    return value;
  }
}
