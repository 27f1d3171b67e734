package dev.slipway.ssh;

import dev.slipway.Secret;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks for the passphrase of an encrypted private key found in {@code ~/.ssh} or named by the ssh
 * config. The default asks on the terminal when there is one; without one the key is skipped.
 *
 * <pre>{@code
 * SshHost.builder("web1").passphrasePrompt(key -> Optional.of(Secret.of(vault.get(key.toString()))))
 * }</pre>
 */
@FunctionalInterface
public interface PassphrasePrompt {

  /** The passphrase that unlocks {@code keyFile}, or empty to skip that key. */
  Optional<Secret> passphrase(Path keyFile);

  /** Asks on the JVM's terminal ({@link System#console()}); empty when there is none. */
  static PassphrasePrompt console() {
    return keyFile -> {
      Console console = System.console();
      if (console == null) {
        return Optional.empty();
      }
      char[] typed = console.readPassword("Enter passphrase for key '%s': ", keyFile);
      return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(Secret.of(new String(typed)));
    };
  }

  /** Never asks: every encrypted key without a passphrase in code is skipped. */
  static PassphrasePrompt none() {
    return keyFile -> Optional.empty();
  }
}
