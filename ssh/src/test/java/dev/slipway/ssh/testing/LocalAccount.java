package dev.slipway.ssh.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away local user for SSH tests and benchmarks: created with {@code useradd} (shell
 * {@code /bin/sh}, a home, a random password), removed with {@code userdel -r} on close, along
 * with any sudoers rule added for it. Needs root.
 *
 * <pre>{@code
 * try (LocalAccount deploy = LocalAccount.create("slw")) {
 *   deploy.allowSudo("ALL=(root) ALL");   // sudo asks for deploy.password()
 * }
 * }</pre>
 */
public final class LocalAccount implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private final String password;
  private final Path sudoers;
  private final List<String> sudoersLines = new ArrayList<>();

  private LocalAccount(String name, String password) {
    this.name = name;
    this.password = password;
    this.sudoers = Path.of("/etc/sudoers.d", "slipway-test-" + name);
  }

  /** A new account named {@code prefix} and six random letters. */
  public static LocalAccount create(String prefix) {
    String name = prefix + randomLetters(6);
    String password = randomLetters(20);
    OpenSshServer.run(List.of("useradd", "--create-home", "--shell", "/bin/sh", name));
    LocalAccount account = new LocalAccount(name, password);
    try {
      account.chpasswd();
      return account;
    } catch (RuntimeException e) {
      account.close();
      throw e;
    }
  }

  public String name() {
    return name;
  }

  /** The account's login (and sudo) password; a test secret, not a real one. */
  public String password() {
    return password;
  }

  /** Adds sudoers rules for this user, e.g. {@code ALL=(nobody) NOPASSWD: ALL}; checked with visudo. */
  public LocalAccount allowSudo(String... rules) {
    for (String rule : rules) {
      sudoersLines.add(name + " " + rule);
    }
    return writeSudoers();
  }

  /** Adds sudo defaults for this user only, e.g. {@code requiretty}; checked with visudo. */
  public LocalAccount sudoDefaults(String... options) {
    for (String option : options) {
      sudoersLines.add("Defaults:" + name + " " + option);
    }
    return writeSudoers();
  }

  private LocalAccount writeSudoers() {
    try {
      Files.writeString(sudoers, String.join("\n", sudoersLines) + "\n");
      Files.setPosixFilePermissions(sudoers, PosixFilePermissions.fromString("r--r-----"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + sudoers, e);
    }
    OpenSshServer.run(List.of("visudo", "-c", "-f", sudoers.toString()));
    return this;
  }

  /** Gives this account {@code path} (not recursively). */
  public void own(Path path) {
    try {
      UserPrincipal user = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
      Files.setOwner(path, user);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot give " + path + " to " + name, e);
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(sudoers);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + sudoers, e);
    }
    OpenSshServer.run(List.of("userdel", "--remove", "--force", name));
  }

  private void chpasswd() {
    try {
      Process process = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write((name + ":" + password + "\n").getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("chpasswd failed for " + name + ": " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String randomLetters(int count) {
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < count; i++) {
      letters.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return letters.toString();
  }
}
