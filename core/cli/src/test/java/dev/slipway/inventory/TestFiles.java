package dev.slipway.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test files under a temporary directory. */
final class TestFiles {
  private TestFiles() {
  }

  /** Writes {@code content} to {@code dir/relative}, creating parent directories; returns the file. */
  static Path write(Path dir, String relative, String content) {
    Path file = dir.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
