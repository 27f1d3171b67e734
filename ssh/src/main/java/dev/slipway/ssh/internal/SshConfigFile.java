package dev.slipway.ssh.internal;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The settings an OpenSSH client config file ({@code ~/.ssh/config}) gives for one host alias:
 * HostName, Port, User, IdentityFile and ProxyJump.
 */
public final class SshConfigFile {
  private final ConfigRepository repository;

  private SshConfigFile(ConfigRepository repository) {
    this.repository = repository;
  }

  /** Reads {@code file}. */
  public static SshConfigFile read(Path file) {
    try {
      return new SshConfigFile(OpenSSHConfig.parseFile(file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ssh config " + file, e);
    }
  }

  /** What the file says about {@code alias}. */
  public Entry entry(String alias) {
    ConfigRepository.Config config = repository.getConfig(alias);
    String[] identities = config.getValues("IdentityFile");
    return new Entry(Optional.ofNullable(config.getHostname()),
        config.getPort() > 0 ? Optional.of(config.getPort()) : Optional.empty(),
        Optional.ofNullable(config.getUser()),
        identities == null ? List.of() : Arrays.stream(identities).map(SshConfigFile::expandHome).toList(),
        jumps(config.getValue("ProxyJump")));
  }

  private static List<String> jumps(String proxyJump) {
    List<String> hops = new ArrayList<>();
    if (proxyJump != null && !proxyJump.equalsIgnoreCase("none")) {
      for (String hop : proxyJump.split(",")) {
        hops.add(hop.strip());
      }
    }
    return hops;
  }

  private static Path expandHome(String file) {
    String path = file.strip();
    if (path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), path.substring(2));
    }
    return Path.of(path);
  }

  /**
   * One alias's settings; each is empty when the file does not set it.
   *
   * @param hostName the real address
   * @param port the port
   * @param user the login user
   * @param identityFiles the private keys, in order
   * @param proxyJump the jump hosts, nearest first, each {@code [user@]host[:port]} or an alias
   */
  public record Entry(Optional<String> hostName, Optional<Integer> port, Optional<String> user,
                      List<Path> identityFiles, List<String> proxyJump) {}
}
