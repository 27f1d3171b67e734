package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import dev.slipway.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where secret variables come from: environment variables, files only their owner can read, or
 * a callback of the embedding application (a vault client, a keyring). Secrets take precedence
 * over every inventory file and are overridden only by explicit overrides ({@code -e}).
 *
 * <pre>{@code
 * Environment prod = Inventory.load(dir).environment("prod")
 *     .withSecrets(SecretSource.environmentVariables("SHOP_"))     // db_password <- $SHOP_DB_PASSWORD
 *     .withSecrets(SecretSource.directory(dir.resolve("secrets"))) // db_password <- secrets/db_password
 *     .withSecrets(key -> vault.read("shop/" + key).map(Secret::of));
 * Secret password = prod.host("web1").vars().secret("db_password");
 * }</pre>
 *
 * <p>A source is asked each time a key is read (never to list keys), possibly from several
 * threads at once, so implementations must be thread-safe; a slow one should cache.
 */
@FunctionalInterface
public interface SecretSource {

  /** The secret named {@code key}, or empty if this source has none. */
  Optional<Secret> lookup(String key);

  /** Where this source looked for {@code key}, for "not found" messages; never the value. */
  default String describe(String key) {
    return "the application's secret callback";
  }

  /**
   * Secrets from the process environment: {@code db_password} is read from
   * {@code PREFIX + "DB_PASSWORD"} (upper case, every other character than a letter, digit or
   * underscore replaced by {@code _}).
   */
  static SecretSource environmentVariables(String prefix) {
    return environmentVariables(prefix, System.getenv());
  }

  /** Secrets from {@code environment}, named as in {@link #environmentVariables(String)}. */
  static SecretSource environmentVariables(String prefix, Map<String, String> environment) {
    requireNonNull(prefix, "prefix");
    Map<String, String> variables = Map.copyOf(environment);
    return new SecretSource() {
      @Override
      public Optional<Secret> lookup(String key) {
        return Optional.ofNullable(variables.get(variableName(key))).map(Secret::of);
      }

      @Override
      public String describe(String key) {
        return "environment variable " + variableName(key);
      }

      private String variableName(String key) {
        return prefix + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
      }
    };
  }

  /**
   * Secrets kept one per file in {@code directory}, the file named like the key (as Docker and
   * systemd credentials do). A trailing newline is dropped. A file readable or writable by its
   * group or others is refused, as ssh refuses such a private key.
   */
  static SecretSource directory(Path directory) {
    requireNonNull(directory, "directory");
    return new SecretSource() {
      @Override
      public Optional<Secret> lookup(String key) {
        if (!key.matches("[A-Za-z0-9_.-]+") || key.startsWith(".")) {
          return Optional.empty();
        }
        return readSecretFile(directory.resolve(key));
      }

      @Override
      public String describe(String key) {
        return "file " + directory.resolve(key);
      }
    };
  }

  /** The secret {@code key} kept in {@code file}, with the same checks as {@link #directory(Path)}. */
  static SecretSource file(String key, Path file) {
    requireNonNull(key, "key");
    requireNonNull(file, "file");
    return new SecretSource() {
      @Override
      public Optional<Secret> lookup(String wanted) {
        return wanted.equals(key) ? readSecretFile(file) : Optional.empty();
      }

      @Override
      public String describe(String wanted) {
        return wanted.equals(key) ? "file " + file : "a file for " + key + " only";
      }
    };
  }

  /** The content of a secret file without its trailing newline; empty if there is no such file. */
  private static Optional<Secret> readSecretFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      refuseOpenPermissions(file);
      String content = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(Secret.of(content.replaceFirst("\\r?\\n$", "")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secret file " + file, e);
    }
  }

  private static void refuseOpenPermissions(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    open.retainAll(permissions);
    if (!open.isEmpty()) {
      throw new InventoryException("secret file " + file + " is too open (" + PosixFilePermissions.toString(permissions)
          + "): it is accessible by its group or others, so it is not used; run chmod 600 " + file);
    }
  }
}
