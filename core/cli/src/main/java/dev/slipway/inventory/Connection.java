package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import dev.slipway.Secret;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach one inventory host, read from its merged variables with Ansible's names:
 * {@code ansible_host} (else the host's name), {@code ansible_port} (else 22), {@code ansible_user},
 * {@code ansible_ssh_private_key_file} (or {@code ansible_private_key_file}), {@code ansible_connection}
 * (else {@code ssh}) and {@code ansible_password} (or {@code ansible_ssh_pass}); the older
 * {@code ansible_ssh_host}, {@code ansible_ssh_port} and {@code ansible_ssh_user} are understood too. Every other
 * {@code ansible_*} variable is kept in {@link #options()} under its full name, for the transport
 * that understands it ({@code ansible_become_user}, {@code ansible_ssh_common_args}, ...).
 *
 * <p>A plain value: the SSH module maps it to its own host builder, {@code ansible_connection=local}
 * to a local host.
 *
 * @param address host name or IP address to connect to
 * @param port TCP port
 * @param user login user, if set; else the transport's default
 * @param privateKeyFile private key to authenticate with, if set ({@code ~/} expanded)
 * @param type the connection plugin name: {@code ssh}, {@code local}, ...
 * @param password login password, if set
 * @param options the other {@code ansible_*} settings, secrets as {@link Secret}
 */
public record Connection(String address, int port, Optional<String> user, Optional<Path> privateKeyFile,
                         String type, Optional<Secret> password, Map<String, Object> options) {

  /** The default SSH port. */
  public static final int SSH_PORT = 22;

  private static final Set<String> MAPPED = Set.of("ansible_host", "ansible_ssh_host", "ansible_port", "ansible_ssh_port",
      "ansible_user", "ansible_ssh_user", "ansible_ssh_private_key_file", "ansible_private_key_file", "ansible_connection",
      "ansible_password", "ansible_ssh_pass");

  public Connection {
    requireNonNull(address, "address");
    requireNonNull(user, "user");
    requireNonNull(privateKeyFile, "privateKeyFile");
    requireNonNull(type, "type");
    requireNonNull(password, "password");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, was " + port + " for " + address);
    }
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** Whether commands run on this machine rather than over a network ({@code ansible_connection=local}). */
  public boolean isLocal() {
    return type.equals("local");
  }

  /** The connection settings of host {@code name} according to {@code vars}. */
  static Connection of(String name, Variables vars) {
    Map<String, Object> options = new LinkedHashMap<>();
    vars.asMap().forEach((key, value) -> {
      if (key.startsWith("ansible_") && !MAPPED.contains(key)) {
        options.put(key, value);
      }
    });
    return new Connection(
        setting(vars, String.class, "ansible_host", "ansible_ssh_host").orElse(name),
        setting(vars, Integer.class, "ansible_port", "ansible_ssh_port").orElse(SSH_PORT),
        setting(vars, String.class, "ansible_user", "ansible_ssh_user"),
        setting(vars, String.class, "ansible_ssh_private_key_file", "ansible_private_key_file").map(Connection::expandHome),
        setting(vars, String.class, "ansible_connection").orElse("ssh"),
        password(vars),
        options);
  }

  /** The first of {@code names} that is set (Ansible's current name, then its older alias). */
  private static <T> Optional<T> setting(Variables vars, Class<T> type, String... names) {
    for (String key : names) {
      if (vars.contains(key)) {
        return Optional.ofNullable(vars.getOrDefault(key, type, null));
      }
    }
    return Optional.empty();
  }

  private static Optional<Secret> password(Variables vars) {
    for (String key : new String[] {"ansible_password", "ansible_ssh_pass"}) {
      if (vars.contains(key)) {
        return Optional.of(vars.secret(key));
      }
    }
    return Optional.empty();
  }

  private static Path expandHome(String path) {
    return Path.of(path.equals("~") || path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path);
  }
}
