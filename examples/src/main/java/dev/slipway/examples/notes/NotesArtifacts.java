package dev.slipway.examples.notes;

import dev.slipway.Host;
import dev.slipway.release.source.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The build step of the notes example: packs a version of the app and publishes it to a store. */
public final class NotesArtifacts {
  private static final List<String> FILES = List.of("app.py", "migrate.py");

  private NotesArtifacts() {}

  /**
   * Packs the example's sources of {@code version} ({@code v1} or {@code v2}) with {@code tar} on
   * {@code builder}, whose files are this machine's, and publishes them to {@code store} as {@code latest}.
   *
   * @return the artifact's SHA-256
   */
  public static String publish(Host builder, ArtifactStore store, String version, Path work) {
    try {
      Path sources = Files.createDirectories(work.resolve("notes-" + version));
      for (String file : FILES) {
        try (InputStream in = NotesArtifacts.class.getResourceAsStream(version + "/" + file)) {
          if (in == null) {
            throw new IllegalArgumentException("the notes example has no version " + version);
          }
          Files.write(sources.resolve(file), in.readAllBytes());
        }
      }
      Path archive = work.resolve("notes-" + version + ".tar.gz");
      builder.run("tar -czf %s -C %s .", archive, sources);
      return store.publish("notes", "master", NotesApp.ARTIFACT, version, archive, Map.of("built.from", version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
