package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.ssh.SshHost;



import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes {@link SshHost}s from inventory entries: {@code ansible_host}, {@code ansible_port},
 * {@code ansible_user} and {@code ansible_ssh_private_key_file} become the address, port, user and
 * key; what the entry leaves out comes from this factory's defaults. Host keys are verified as
 * always.
 *
 * <pre>{@code
 * List<Host> web = inventory.environment("prod")
 *     .hostsOf("web", HostFactory.localOr(SshHostFactory.create().knownHosts(knownHosts)));
 * }</pre>
 *
 * Immutable: every setting returns a new factory.
 */
public final class SshHostFactory implements HostFactory {
  private final Optional<Path> knownHosts;
  private final Optional<Path> identity;
  private final boolean acceptNew;

  private SshHostFactory(Optional<Path> knownHosts, Optional<Path> identity, boolean acceptNew) {
    this.knownHosts = knownHosts;
    this.identity = identity;
    this.acceptNew = acceptNew;
  }

  /** A factory with SshHost's defaults ({@code ~/.ssh/known_hosts}, keys from {@code ~/.ssh}). */
  public static SshHostFactory create() {
    return new SshHostFactory(Optional.empty(), Optional.empty(), false);
  }

  /** Verifies host keys against {@code file}. */
  public SshHostFactory knownHosts(Path file) {
    return new SshHostFactory(Optional.of(requireNonNull(file, "file")), identity, acceptNew);
  }

  /** Authenticates with {@code privateKey} when an entry names no key of its own. */
  public SshHostFactory identity(Path privateKey) {
    return new SshHostFactory(knownHosts, Optional.of(requireNonNull(privateKey, "privateKey")), acceptNew);
  }

  /** Records the key of a host seen for the first time (OpenSSH's {@code accept-new}). */
  public SshHostFactory acceptNewHostKeys() {
    return new SshHostFactory(knownHosts, identity, true);
  }

  @Override
  public Host create(InventoryHost entry) {
    Connection connection = entry.connection();
    SshHost.Builder builder = SshHost.builder(entry.name()).address(connection.address()).port(connection.port());
    connection.user().ifPresent(builder::user);
    connection.password().ifPresent(builder::password);
    connection.privateKeyFile().or(() -> identity).ifPresent(builder::identity);
    knownHosts.ifPresent(builder::knownHosts);
    if (acceptNew) {
      builder.acceptNewHostKeys();
    }
    return builder.build();
  }
}
