package dev.slipway.ssh.internal;

import static java.util.Objects.requireNonNull;

import dev.slipway.Secret;
import dev.slipway.event.EventListener;
import dev.slipway.ssh.HostKeyPolicy;
import dev.slipway.ssh.PassphrasePrompt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything an {@link dev.slipway.ssh.SshTransport} needs, resolved by the builder.
 *
 * @param name the host's name in logs, events and errors
 * @param target where to connect
 * @param jumps the hops to go through first, nearest first
 * @param identities private keys to offer, in order, after the agent's
 * @param agentSocket the ssh-agent's Unix socket, if the agent is to be asked first
 * @param passphrases asks for the passphrase of an encrypted key that has none in code
 * @param password a login password, if any
 * @param knownHosts the known_hosts file new keys are recorded in
 * @param moreKnownHosts further known_hosts files that are only read (the global ones)
 * @param hostKeys how to treat the server's key
 * @param connectTimeout the limit for each TCP connect and handshake
 * @param keepAlive the interval of keep-alive messages, if any
 * @param commandTimeout the limit for commands that set none themselves
 * @param sudoPassword the password sudo asks for, if any
 * @param maxChannels the most channels open at once on the session (exec and SFTP)
 * @param events receives connection events
 */
public record SshSettings(String name, Endpoint target, List<Endpoint> jumps, List<Identity> identities,
                          Optional<Path> agentSocket, PassphrasePrompt passphrases,
                          Optional<Secret> password, Path knownHosts, List<Path> moreKnownHosts,
                          HostKeyPolicy hostKeys,
                          Duration connectTimeout, Optional<Duration> keepAlive,
                          Optional<Duration> commandTimeout, Optional<Secret> sudoPassword, int maxChannels,
                          EventListener events) {
  public SshSettings {
    requireNonNull(name, "name");
    requireNonNull(target, "target");
    jumps = List.copyOf(jumps);
    identities = List.copyOf(identities);
    requireNonNull(agentSocket, "agentSocket");
    requireNonNull(passphrases, "passphrases");
    moreKnownHosts = List.copyOf(moreKnownHosts);
    requireNonNull(password, "password");
    requireNonNull(knownHosts, "knownHosts");
    requireNonNull(hostKeys, "hostKeys");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(keepAlive, "keepAlive");
    requireNonNull(commandTimeout, "commandTimeout");
    requireNonNull(sudoPassword, "sudoPassword");
    requireNonNull(events, "events");
    if (maxChannels < 1) {
      throw new IllegalArgumentException("maxChannels must be >= 1, was " + maxChannels);
    }
  }

  /**
   * A private key file and the passphrase that unlocks it.
   *
   * @param file the key file (OpenSSH or PEM format)
   * @param passphrase the passphrase, if the key has one and the program gave it
   * @param required whether the program named it (a missing file is then an error, not skipped)
   */
  public record Identity(Path file, Optional<Secret> passphrase, boolean required) {
    public Identity {
      requireNonNull(file, "file");
      requireNonNull(passphrase, "passphrase");
    }
  }
}
