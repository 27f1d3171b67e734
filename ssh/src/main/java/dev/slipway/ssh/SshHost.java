package dev.slipway.ssh;

import static java.util.Objects.requireNonNull;

import dev.slipway.Secret;
import dev.slipway.event.EventListener;
import dev.slipway.spi.ForwardingHost;
import dev.slipway.ssh.internal.Destination;
import dev.slipway.ssh.internal.Requested;
import dev.slipway.ssh.internal.SettingsResolver;
import dev.slipway.ssh.internal.SshSettings;
import dev.slipway.ssh.internal.SshSettings.Identity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A machine reached over SSH, found the way {@code ssh} finds it: {@code SshHost.builder("web1").build()}
 * is the host {@code ssh web1} connects to. The name is looked up in {@code ~/.ssh/config} and
 * {@code /etc/ssh/ssh_config} (HostName, User, Port, IdentityFile, IdentitiesOnly, ProxyJump,
 * UserKnownHostsFile, StrictHostKeyChecking, ConnectTimeout, ServerAliveInterval, Include); keys
 * come from ssh-agent, then the IdentityFiles, then {@code ~/.ssh/id_ed25519}, {@code id_ecdsa},
 * {@code id_rsa}; host keys are verified against known_hosts. What the builder sets wins:
 *
 * <pre>{@code
 * try (SshHost web = SshHost.builder("web-1")
 *     .address("10.0.0.5").user("deploy")
 *     .identity(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"))
 *     .jumpHost("admin@bastion.example.com:2222")
 *     .sudoPassword(Secret.of(System.getenv("SUDO_PASSWORD")))
 *     .build()) {
 *   web.run("uptime");
 * }
 * }</pre>
 *
 * <p>The host holds one connection, opened by its first command or file operation (re-opened if it
 * drops between commands) and shared by its views ({@code cd}, {@code env}, {@code sudo}, ...,
 * plain {@code Host}s) until {@link #close()}. The transport under it is
 * {@code unwrap(SshTransport.class)}.
 */
public final class SshHost extends ForwardingHost {
  private SshHost(String name, SshTransport transport) {
    super(transport.host(name));
  }

  /**
   * A builder for the host {@code target}, given as {@code ssh} takes a destination, plus an
   * optional port as in {@code ProxyJump}: {@code web1}, {@code deploy@web1} or
   * {@code deploy@10.0.0.5:2222}. The host part names it in logs, events and errors and is looked
   * up in the ssh config; a user or port given here wins over the config's.
   */
  public static Builder builder(String target) {
    Destination destination = Destination.parse(requireNonNull(target, "target"));
    Builder builder = new Builder(destination.host());
    destination.user().ifPresent(builder::user);
    destination.port().ifPresent(builder::port);
    return builder;
  }

  /** Collects the settings of one SSH host; {@link #build()} checks them. */
  public static final class Builder {
    private final String name;
    private String address;
    private Integer port;
    private String user;
    private final List<Identity> identities = new ArrayList<>();
    private Secret password;
    private Path knownHosts;
    private HostKeyPolicy hostKeys;
    private Path sshConfig;
    private Path home;
    private Path agentSocket;
    private boolean noAgent;
    private PassphrasePrompt passphrases = PassphrasePrompt.console();
    private final List<String> jumpHosts = new ArrayList<>();
    private Duration connectTimeout;
    private Duration keepAlive;
    private Duration commandTimeout;
    private Secret sudoPassword;
    private int maxChannels = 8;
    private EventListener events = event -> { };

    private Builder(String name) {
      this.name = requireNonNull(name, "name");
    }

    /** The host name or IP address; defaults to the name (or what the ssh config says for it). */
    public Builder address(String address) {
      this.address = requireNonNull(address, "address");
      return this;
    }

    /** The SSH port; 22 by default. */
    public Builder port(int port) {
      if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535, was " + port);
      this.port = port;
      return this;
    }

    /** The login user; defaults to the local user name. */
    public Builder user(String user) {
      this.user = requireNonNull(user, "user");
      return this;
    }

    /** A private key without passphrase (OpenSSH or PEM format; ed25519, ECDSA or RSA). */
    public Builder identity(Path privateKey) {
      identities.add(new Identity(privateKey, Optional.empty(), true));
      return this;
    }

    /** A private key protected by {@code passphrase}. */
    public Builder identity(Path privateKey, Secret passphrase) {
      identities.add(new Identity(privateKey, Optional.of(passphrase), true));
      return this;
    }

    /** A login password, tried after the keys. */
    public Builder password(Secret password) {
      this.password = requireNonNull(password, "password");
      return this;
    }

    /**
     * The only known_hosts file to use; by default the ssh config's {@code UserKnownHostsFile}
     * ({@code ~/.ssh/known_hosts}) and {@code GlobalKnownHostsFile} ({@code /etc/ssh/ssh_known_hosts}).
     */
    public Builder knownHosts(Path knownHosts) {
      this.knownHosts = requireNonNull(knownHosts, "knownHosts");
      return this;
    }

    /** Records an unknown host's key in known_hosts on first contact (OpenSSH's {@code accept-new}). */
    public Builder acceptNewHostKeys() {
      this.hostKeys = HostKeyPolicy.ACCEPT_NEW;
      return this;
    }

    /**
     * Trusts whatever key the server offers, so anyone in the middle can read and change everything,
     * passwords included. For throw-away test machines only; a warning is logged at every connect.
     */
    public Builder insecureTrustAnyHostKeyNotForProduction() {
      this.hostKeys = HostKeyPolicy.INSECURE_TRUST_ANY;
      return this;
    }

    /**
     * Reads only {@code config} (as {@code ssh -F}) instead of {@code ~/.ssh/config} and
     * {@code /etc/ssh/ssh_config}.
     */
    public Builder sshConfig(Path config) {
      this.sshConfig = requireNonNull(config, "config");
      return this;
    }

    /** The home directory whose {@code .ssh} is read; the {@code user.home} system property by default. */
    public Builder home(Path directory) {
      this.home = requireNonNull(directory, "directory");
      return this;
    }

    /** The ssh-agent's socket; by default the config's {@code IdentityAgent}, else {@code SSH_AUTH_SOCK}. */
    public Builder agentSocket(Path socket) {
      this.agentSocket = requireNonNull(socket, "socket");
      return this;
    }

    /** Never asks an ssh-agent for keys. */
    public Builder noAgent() {
      this.noAgent = true;
      return this;
    }

    /**
     * Asks for the passphrase of an encrypted key that has none in code; by default on the
     * terminal, and without one the key is skipped.
     */
    public Builder passphrasePrompt(PassphrasePrompt prompt) {
      this.passphrases = requireNonNull(prompt, "prompt");
      return this;
    }

    /**
     * Goes through {@code hop} ({@code [user@]host[:port]}, or an ssh config alias) first; call again
     * for a chain, nearest first. The jump hosts use the same keys and known_hosts.
     */
    public Builder jumpHost(String hop) {
      jumpHosts.add(requireNonNull(hop, "hop"));
      return this;
    }

    /** The limit for each TCP connect and SSH handshake; the config's ConnectTimeout, else 15 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Sends a keep-alive message after {@code interval} of silence; the connection is dropped after 3 unanswered. */
    public Builder keepAlive(Duration interval) {
      this.keepAlive = positive(interval, "keepAlive");
      return this;
    }

    /** The time limit of commands that set none themselves; none by default. */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "commandTimeout");
      return this;
    }

    /**
     * The password sudo asks for when commands run {@code as(user)}; sent on stdin only, never on a
     * command line. Where sudoers says {@code requiretty}, sudo commands run on a pty (the first one
     * is refused by sudo and run again there) and the command still gets its stdin unechoed.
     */
    public Builder sudoPassword(Secret password) {
      this.sudoPassword = requireNonNull(password, "password");
      return this;
    }

    /** The most channels open at once on the connection (default 8; OpenSSH allows 10). */
    public Builder maxChannels(int max) {
      if (max < 1) throw new IllegalArgumentException("maxChannels must be >= 1, was " + max);
      this.maxChannels = max;
      return this;
    }

    /** Receives connected, reconnected and closed events of this host's connection. */
    public Builder onConnectionEvent(EventListener listener) {
      this.events = requireNonNull(listener, "listener");
      return this;
    }

    /** The host. Nothing connects until its first command or file operation. */
    public SshHost build() {
      return new SshHost(name, transport());
    }

    /** The bare transport, for wrapping or measuring; {@link #build()} is the usual call. */
    public SshTransport transport() {
      return new SshTransport(settings());
    }

    private SshSettings settings() {
      return SettingsResolver.resolve(new Requested(name, Optional.ofNullable(address), Optional.ofNullable(port),
          Optional.ofNullable(user), identities, Optional.ofNullable(password), Optional.ofNullable(knownHosts),
          Optional.ofNullable(hostKeys), Optional.ofNullable(sshConfig), Optional.ofNullable(home),
          Optional.ofNullable(agentSocket), noAgent, passphrases, jumpHosts, Optional.ofNullable(connectTimeout),
          Optional.ofNullable(keepAlive), Optional.ofNullable(commandTimeout), Optional.ofNullable(sudoPassword),
          maxChannels, events));
    }

    private static Duration positive(Duration value, String what) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + value);
      }
      return value;
    }
  }
}
