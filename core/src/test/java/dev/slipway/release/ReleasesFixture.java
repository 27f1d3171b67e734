package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import dev.slipway.release.source.DirectorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the release contracts share: a host, a deploy directory, a clock that moves one second per
 * deploy, and a small app. Subclasses say how to get a host and where it may deploy.
 */
abstract class ReleasesFixture {
  @TempDir
  Path controller;

  Host host;
  String deployTo;
  private final AtomicInteger tick = new AtomicInteger();

  /** A fresh host to deploy to. */
  protected abstract Host newHost(String name);

  /** A fresh absolute directory on {@code host} to deploy under (need not exist). */
  protected abstract String deployDirectory();

  /** How many times a dependency build whose command appends to {@code counter} ran on {@code host}. */
  protected abstract int builds(Host host, String counter);

  @BeforeEach
  void setUp() {
    host = newHost("web-1");
    deployTo = deployDirectory();
  }

  /** Releases with a clock that moves one second per deploy (at setup), so ids are predictable and distinct. */
  Releases releases() {
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.parse("2025-10-22T09:00:00Z").plusSeconds(tick.get());
      }
    };
    return Releases.at(deployTo).clock(clock).deployedBy("tester@controller")
        .listener(event -> {
          if (event instanceof StepEvent step && step.step() == Step.SETUP
              && step.status() == StepEvent.Status.STARTED) {
            tick.incrementAndGet();
          }
        });
  }

  Source app(String version) {
    try {
      Path dir = controller.resolve("app-" + version + "-" + System.nanoTime());
      Files.createDirectories(dir.resolve("static"));
      Files.writeString(dir.resolve("app.py"), "VERSION = '" + version + "'\n");
      Files.writeString(dir.resolve("requirements.txt"), "flask==3.0\n");
      Files.writeString(dir.resolve("static/site.css"), "body {}\n");
      return DirectorySource.of(dir).version(version);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String live() {
    return host.readLink(deployTo + "/current").orElse("(none)");
  }

  String liveVersion() {
    return host.readString(deployTo + "/current/app.py").trim();
  }

  List<String> versions(Releases releases) {
    return releases.releases(host).stream().map(r -> r.version() + ":" + r.state()).toList();
  }

  /** Asserts that the host holds neither the deploy lock nor a half-built release. */
  void assertUnlockedWithoutStaging() {
    assertThat(host.exists(deployTo + "/.slipway/lock")).as("lock").isFalse();
    assertThat(host.exists(deployTo + "/.slipway/staging/next")).as("staging").isFalse();
  }
}
