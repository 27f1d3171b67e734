package dev.slipway.ssh;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.event.EventListener;
import dev.slipway.ssh.internal.Endpoint;
import dev.slipway.ssh.internal.SshConfigFile;
import dev.slipway.ssh.internal.SshSettings;
import dev.slipway.ssh.internal.SshSettings.Identity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hosts reached over SSH. Host keys are verified against known_hosts unless told otherwise:
 *
 * <pre>{@code
 * Host web = SshHost.builder("web-1")
 *     .address("10.0.0.5").user("deploy")
 *     .identity(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"))
 *     .jumpHost("admin@bastion.example.com:2222")
 *     .sudoPassword(Secret.of(System.getenv("SUDO_PASSWORD")))
 *     .build();
 * web.run("uptime");
 * }</pre>
 *
 * <p>With {@link Builder#sshConfig(Path)}, the host's name (or address) is looked up as a
 * {@code Host} alias of an OpenSSH client config; what the builder sets explicitly wins.
 */
public final class SshHost {
  private SshHost() {}

  /** A builder for the host named {@code name} in logs, events and errors. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Collects the settings of one SSH host; {@link #build()} checks them. */
  public static final class Builder {
    private static final int DEFAULT_PORT = 22;

    private final String name;
    private String address;
    private Integer port;
    private String user;
    private final List<Identity> identities = new ArrayList<>();
    private Secret password;
    private Path knownHosts;
    private HostKeyPolicy hostKeys = HostKeyPolicy.STRICT;
    private Path sshConfig;
    private final List<String> jumpHosts = new ArrayList<>();
    private Duration connectTimeout = Duration.ofSeconds(15);
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
      identities.add(new Identity(privateKey, Optional.empty()));
      return this;
    }

    /** A private key protected by {@code passphrase}. */
    public Builder identity(Path privateKey, Secret passphrase) {
      identities.add(new Identity(privateKey, Optional.of(passphrase)));
      return this;
    }

    /** A login password, tried after the keys. */
    public Builder password(Secret password) {
      this.password = requireNonNull(password, "password");
      return this;
    }

    /** The known_hosts file; {@code ~/.ssh/known_hosts} by default. */
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

    /** Reads HostName, Port, User, IdentityFile and ProxyJump for this host from an OpenSSH client config. */
    public Builder sshConfig(Path config) {
      this.sshConfig = requireNonNull(config, "config");
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

    /** The limit for each TCP connect and SSH handshake; 15 s by default. */
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
    public Host build() {
      return transport().host(name);
    }

    /** The bare transport, for wrapping or measuring; {@link #build()} is the usual call. */
    public SshTransport transport() {
      return new SshTransport(settings());
    }

    private SshSettings settings() {
      SshConfigFile config = sshConfig == null ? null : SshConfigFile.read(sshConfig);
      String alias = address != null ? address : name;
      SshConfigFile.Entry entry = config == null ? null : config.entry(alias);
      String defaultUser = user != null ? user : entry != null && entry.user().isPresent()
          ? entry.user().get() : System.getProperty("user.name");
      Endpoint target = new Endpoint(
          entry != null && entry.hostName().isPresent() && address == null ? entry.hostName().get() : alias,
          port != null ? port : entry != null ? entry.port().orElse(DEFAULT_PORT) : DEFAULT_PORT,
          defaultUser);
      List<Identity> keys = new ArrayList<>(identities);
      if (entry != null) {
        entry.identityFiles().forEach(file -> keys.add(new Identity(file, Optional.empty())));
      }
      List<String> hops = !jumpHosts.isEmpty() || entry == null ? jumpHosts : entry.proxyJump();
      List<Endpoint> jumps = hops.stream().map(hop -> jump(hop, config, defaultUser)).toList();
      return new SshSettings(name, target, jumps, keys, Optional.ofNullable(password),
          knownHosts != null ? knownHosts : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"),
          hostKeys, connectTimeout, Optional.ofNullable(keepAlive), Optional.ofNullable(commandTimeout),
          Optional.ofNullable(sudoPassword), maxChannels, events);
    }

    private static Endpoint jump(String hop, SshConfigFile config, String defaultUser) {
      Endpoint parsed = Endpoint.parse(hop, defaultUser, DEFAULT_PORT);
      if (config == null) {
        return parsed;
      }
      SshConfigFile.Entry entry = config.entry(parsed.address());
      boolean userGiven = hop.contains("@");
      boolean portGiven = hop.contains(":");
      return new Endpoint(entry.hostName().orElse(parsed.address()),
          portGiven ? parsed.port() : entry.port().orElse(DEFAULT_PORT),
          userGiven ? parsed.user() : entry.user().orElse(defaultUser));
    }

    private static Duration positive(Duration value, String what) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + value);
      }
      return value;
    }
  }
}
