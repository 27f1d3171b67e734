package dev.slipway.ssh.internal;

import dev.slipway.ssh.HostKeyPolicy;
import dev.slipway.ssh.SshConfigException;
import dev.slipway.ssh.internal.SshSettings.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fills in what the program left out the way {@code ssh} does: from {@code ~/.ssh/config}, then
 * {@code /etc/ssh/ssh_config}, then OpenSSH's defaults. What the program set always wins.
 */
public final class SettingsResolver {
  private static final int DEFAULT_PORT = 22;
  private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");
  private static final Path SYSTEM_CONFIG = Path.of("/etc/ssh/ssh_config");
  private static final List<Path> GLOBAL_KNOWN_HOSTS =
      List.of(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2"));

  private final Requested requested;
  private final Path home;
  private final String localUser = System.getProperty("user.name");

  private SettingsResolver(Requested requested) {
    this.requested = requested;
    this.home = requested.home().orElseGet(() -> Path.of(System.getProperty("user.home")));
  }

  /** The settings for {@code requested}. */
  public static SshSettings resolve(Requested requested) {
    return new SettingsResolver(requested).settings();
  }

  private SshSettings settings() {
    String alias = requested.address().orElse(requested.name());
    SshConfig config = config(alias);
    Endpoint target = endpoint(alias, config, requested.address(), requested.port(), requested.user());
    Tokens tokens = new Tokens(alias, target, localUser, home);
    List<Path> userKnownHosts = requested.knownHosts().map(List::of)
        .orElseGet(() -> files(config, "UserKnownHostsFile", tokens,
            List.of(sshDir().resolve("known_hosts"), sshDir().resolve("known_hosts2"))));
    List<Path> moreKnownHosts = new ArrayList<>(userKnownHosts.subList(1, userKnownHosts.size()));
    if (requested.knownHosts().isEmpty()) {
      moreKnownHosts.addAll(files(config, "GlobalKnownHostsFile", tokens, GLOBAL_KNOWN_HOSTS));
    }
    return new SshSettings(requested.name(), target, jumps(config, target.user()), identities(config, tokens),
        agent(config, tokens), requested.passphrases(), requested.password(), userKnownHosts.get(0),
        moreKnownHosts, requested.hostKeys().orElseGet(() -> hostKeys(config)),
        requested.connectTimeout().or(() -> seconds(config, "ConnectTimeout")).orElse(Duration.ofSeconds(15)),
        requested.keepAlive().or(() -> seconds(config, "ServerAliveInterval")), requested.commandTimeout(),
        requested.sudoPassword(), requested.maxChannels(), requested.events());
  }

  private SshConfig config(String alias) {
    List<Path> files = requested.sshConfig().map(List::of)
        .orElseGet(() -> List.of(sshDir().resolve("config"), SYSTEM_CONFIG));
    return SshConfig.forAlias(alias, files, home);
  }

  private Endpoint endpoint(String alias, SshConfig config, Optional<String> address, Optional<Integer> port,
                            Optional<String> user) {
    String hostName = address.orElseGet(() -> config.first("HostName")
        .map(name -> name.replace("%h", alias)).orElse(alias));
    return new Endpoint(hostName, port.orElseGet(() -> config.value("Port").map(SettingsResolver::number)
        .orElse(DEFAULT_PORT)), user.or(() -> config.first("User")).orElse(localUser));
  }

  private List<Endpoint> jumps(SshConfig config, String targetUser) {
    List<String> hops = requested.jumpHosts();
    if (hops.isEmpty()) {
      hops = config.first("ProxyJump").filter(value -> !value.equalsIgnoreCase("none"))
          .map(value -> List.of(value.split(","))).orElse(List.of());
    }
    return hops.stream().map(String::strip).map(hop -> jump(hop, targetUser)).toList();
  }

  private Endpoint jump(String hop, String targetUser) {
    Endpoint parsed = Endpoint.parse(hop, targetUser, DEFAULT_PORT);
    SshConfig config = config(parsed.address());
    return endpoint(parsed.address(), config, Optional.empty(),
        hop.contains(":") ? Optional.of(parsed.port()) : Optional.empty(),
        Optional.of(hop.contains("@") ? parsed.user() : config.first("User").orElse(targetUser)));
  }

  private List<Identity> identities(SshConfig config, Tokens tokens) {
    List<Identity> keys = new ArrayList<>(requested.identities());
    for (SshConfig.Value file : config.identityFiles()) {
      if (!file.args().get(0).equalsIgnoreCase("none")) {
        keys.add(new Identity(tokens.path(file.args().get(0), file.origin()), Optional.empty(), false));
      }
    }
    if (keys.isEmpty()) {
      DEFAULT_KEYS.stream().map(sshDir()::resolve).filter(Files::exists)
          .forEach(file -> keys.add(new Identity(file, Optional.empty(), false)));
    }
    return keys;
  }

  private Optional<Path> agent(SshConfig config, Tokens tokens) {
    if (requested.noAgent()) {
      return Optional.empty();
    }
    if (requested.agentSocket().isPresent()) {
      return requested.agentSocket();
    }
    if (config.first("IdentitiesOnly").filter(value -> value.equalsIgnoreCase("yes")).isPresent()) {
      return Optional.empty();
    }
    Optional<SshConfig.Value> configured = config.value("IdentityAgent");
    String socket = configured.map(value -> value.args().get(0)).orElse("SSH_AUTH_SOCK");
    if (socket.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    if (socket.equals("SSH_AUTH_SOCK")) {
      return Optional.ofNullable(System.getenv("SSH_AUTH_SOCK")).filter(s -> !s.isBlank()).map(Path::of);
    }
    return Optional.of(tokens.path(socket, configured.get().origin()));
  }

  private static HostKeyPolicy hostKeys(SshConfig config) {
    Optional<SshConfig.Value> value = config.value("StrictHostKeyChecking");
    if (value.isEmpty()) {
      return HostKeyPolicy.STRICT;
    }
    return switch (value.get().args().get(0).toLowerCase(Locale.ROOT)) {
      case "yes", "true", "ask" -> HostKeyPolicy.STRICT;
      case "accept-new" -> HostKeyPolicy.ACCEPT_NEW;
      case "no", "off", "false" -> throw new SshConfigException(value.get().origin()
          + ": 'StrictHostKeyChecking no' is refused: it trusts any host key, so anyone in the middle could read "
          + "and change everything. Use 'accept-new', or add the key to known_hosts (ssh-keyscan).");
      default -> throw new SshConfigException(value.get().origin() + ": unknown StrictHostKeyChecking value '"
          + value.get().args().get(0) + "' (Slipway takes yes, ask or accept-new)");
    };
  }

  private List<Path> files(SshConfig config, String keyword, Tokens tokens, List<Path> defaults) {
    return config.value(keyword)
        .map(value -> value.args().stream().filter(file -> !file.equalsIgnoreCase("none"))
            .map(file -> tokens.path(file, value.origin())).toList())
        .filter(paths -> !paths.isEmpty())
        .orElse(defaults);
  }

  private static Optional<Duration> seconds(SshConfig config, String keyword) {
    return config.value(keyword).map(value -> Duration.ofSeconds(number(value))).filter(d -> !d.isZero());
  }

  private static int number(SshConfig.Value value) {
    try {
      return Integer.parseInt(value.args().get(0));
    } catch (NumberFormatException e) {
      throw new SshConfigException(value.origin() + ": '" + value.args().get(0) + "' is not a number");
    }
  }

  private Path sshDir() {
    return home.resolve(".ssh");
  }
}
