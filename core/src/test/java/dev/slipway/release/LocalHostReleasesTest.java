package dev.slipway.release;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
