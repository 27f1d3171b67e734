package dev.slipway.release.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Version names and checksums shared by the sources. */
final class Versions {
  private Versions() {}

  /** {@code version} if it can be recorded and listed: not blank, one line. */
  static String check(String version) {
    if (version == null || version.isBlank() || version.contains("\n")) {
      throw new IllegalArgumentException("a version is a non-blank single line such as v2, was: " + version);
    }
    return version;
  }

  /** {@code app-v2.tar.gz} → {@code app-v2}. */
  static String fromFileName(String fileName) {
    return fileName.replaceFirst("(\\.tar\\.gz|\\.tgz|\\.tar|\\.zip)$", "");
  }

  /** The SHA-256 of a file, in lower-case hex. */
  static String sha256(Path file) {
    MessageDigest sha256 = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(sha256.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
