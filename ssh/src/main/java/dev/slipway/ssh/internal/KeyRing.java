package dev.slipway.ssh.internal;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import dev.slipway.ConnectionFailedException;
import dev.slipway.Secret;
import dev.slipway.ssh.internal.SshSettings.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Vector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys offered to a server, in OpenSSH's order: the ssh-agent's first (over its Unix socket,
 * with JSch's agent client), then the key files. An encrypted file without a passphrase in code is
 * unlocked through the {@link dev.slipway.ssh.PassphrasePrompt}, or skipped with a warning.
 * Remembers what it offered, for the error when every key is refused.
 */
final class KeyRing implements IdentityRepository {
  private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

  private final SshSettings settings;
  private final JSch files = new JSch();
  private final List<String> offered = new ArrayList<>();
  private IdentityRepository agent;

  private KeyRing(SshSettings settings) {
    this.settings = settings;
  }

  /** Loads the key files (asking for passphrases where needed) and connects the agent. */
  static KeyRing load(SshSettings settings) {
    KeyRing ring = new KeyRing(settings);
    settings.agentSocket().ifPresent(ring::connectAgent);
    settings.identities().forEach(ring::add);
    return ring;
  }

  /** What was offered or skipped, for messages; never a secret. */
  List<String> offered() {
    return List.copyOf(offered);
  }

  private void connectAgent(java.nio.file.Path socket) {
    if (!Files.exists(socket)) {
      offered.add("ssh-agent (none: " + socket + " does not exist)");
      return;
    }
    try {
      agent = new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(), socket));
      offered.add("ssh-agent at " + socket + " (" + agent.getIdentities().size() + " keys)");
    } catch (AgentProxyException | RuntimeException e) {
      log.warn("{}: cannot use the ssh-agent at {}: {}", settings.name(), socket, e.getMessage());
      offered.add("ssh-agent (unusable: " + e.getMessage() + ")");
      agent = null;
    }
  }

  private void add(Identity identity) {
    String file = identity.file().toString();
    if (!Files.exists(identity.file())) {
      if (identity.required()) {
        throw new ConnectionFailedException(settings.name(), "Cannot load the SSH key " + file + " for "
            + settings.name() + ": the file does not exist");
      }
      log.debug("{}: no key file {}", settings.name(), file);
      return;
    }
    Optional<Secret> passphrase = identity.passphrase().or(() -> askIfEncrypted(identity));
    if (passphrase.isEmpty() && encrypted(identity)) {
      log.warn("{}: skipped the SSH key {}: it is encrypted and no passphrase could be asked for (not "
          + "interactive); add it to ssh-agent (ssh-add) or give identity(path, passphrase)", settings.name(), file);
      offered.add("skipped " + file + " (encrypted, no passphrase: not interactive)");
      return;
    }
    try {
      files.addIdentity(file, passphrase.map(p -> p.reveal().getBytes(StandardCharsets.UTF_8)).orElse(null));
      offered.add("publickey (" + file + ")");
    } catch (JSchException e) {
      throw new ConnectionFailedException(settings.name(), "Cannot load the SSH key " + file + " for "
          + settings.name() + ": " + e.getMessage() + " (check the key file and its passphrase)", e);
    }
  }

  private Optional<Secret> askIfEncrypted(Identity identity) {
    return encrypted(identity) ? settings.passphrases().passphrase(identity.file()) : Optional.empty();
  }

  private boolean encrypted(Identity identity) {
    try {
      KeyPair key = KeyPair.load(files, identity.file().toString());
      boolean encrypted = key.isEncrypted();
      key.dispose();
      return encrypted;
    } catch (JSchException e) {
      throw new ConnectionFailedException(settings.name(), "Cannot read the SSH key " + identity.file() + " for "
          + settings.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Vector<com.jcraft.jsch.Identity> getIdentities() {
    Vector<com.jcraft.jsch.Identity> all = new Vector<>();
    if (agent != null) {
      all.addAll(agent.getIdentities());
    }
    all.addAll(files.getIdentityRepository().getIdentities());
    return all;
  }

  @Override
  public String getName() {
    return "slipway key ring";
  }

  @Override
  public int getStatus() {
    return RUNNING;
  }

  @Override
  public boolean add(byte[] identity) {
    return false;
  }

  @Override
  public boolean remove(byte[] blob) {
    return false;
  }

  @Override
  public void removeAll() {
    // keys come from the agent and the files; nothing is held here to remove
  }
}
