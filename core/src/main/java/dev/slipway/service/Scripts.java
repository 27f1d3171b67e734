package dev.slipway.service;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The POSIX sh scripts this package sends to hosts, kept as resources next to the classes. */
final class Scripts {
  private Scripts() {}

  static String load(String name) {
    try (InputStream in = Scripts.class.getResourceAsStream(name)) {
      return new String(requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A duration as a whole number of tenths of a second (rounded up), the unit the scripts count in. */
  static String tenths(Duration duration) {
    return String.valueOf((duration.toMillis() + 99) / 100);
  }
}
