package dev.slipway.examples.releases;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import dev.slipway.release.Release;
import dev.slipway.release.Releases;
import dev.slipway.release.source.DirectorySource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Deploys v1, v2 and v3 of a tiny app to this machine, rolls back once, and prints the release
 * listing: ids, versions, states, who and when.
 *
 * <pre>{@code
 * List<Release> listed = ReleaseListing.run(Path.of("/tmp/listing-demo"));
 * }</pre>
 *
 * {@code java ... ReleaseListing [directory]} works under the directory given, else a new
 * temporary one.
 */
public final class ReleaseListing {
  private ReleaseListing() {
  }

  public static void main(String[] args) throws IOException {
    Path base = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("slipway-listing");
    List<Release> listed = run(base);
    print(base.toAbsolutePath() + "/opt/flask-demo", listed, System.out);
  }

  /** Deploys v1, v2, v3 under {@code base}/opt/flask-demo, rolls back once, and lists the releases. */
  public static List<Release> run(Path base) {
    Host host = LocalHost.named("localhost");
    Releases releases = Releases.at(base.toAbsolutePath() + "/opt/flask-demo").sharedDirs("log");
    for (String version : List.of("v1", "v2", "v3")) {
      releases.source(DirectorySource.of(app(base.resolve("src-" + version), version)).version(version)).deploy(host);
    }
    releases.rollback(host);
    return releases.releases(host);
  }

  /** Prints {@code listed} under a heading naming {@code deployTo}. */
  public static void print(String deployTo, List<Release> listed, PrintStream out) {
    out.println("releases in " + deployTo + " (newest first):");
    listed.forEach(release -> out.println("  " + release.describe()));
  }

  private static Path app(Path dir, String version) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("app.py"), "VERSION = '" + version + "'\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo app in " + dir, e);
    }
  }
}
