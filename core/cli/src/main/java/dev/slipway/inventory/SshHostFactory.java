package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.ssh.SshHost;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

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

  private SshHostFactory(Builder builder) {
    knownHosts = builder.knownHosts;
    identity = builder.identity;
    acceptNew = builder.acceptNew;
  }

  /** This factory with {@code change} applied to a builder of its settings. */
  private SshHostFactory copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new SshHostFactory(builder);
  }

  /** A factory with SshHost's defaults ({@code ~/.ssh/known_hosts}, keys from {@code ~/.ssh}). */
  public static SshHostFactory create() {
    return new SshHostFactory(new Builder());
  }

  /** Verifies host keys against {@code file}. */
  public SshHostFactory knownHosts(Path file) {
    requireNonNull(file, "file");
    return copy(builder -> builder.knownHosts = Optional.of(file));
  }

  /** Authenticates with {@code privateKey} when an entry names no key of its own. */
  public SshHostFactory identity(Path privateKey) {
    requireNonNull(privateKey, "privateKey");
    return copy(builder -> builder.identity = Optional.of(privateKey));
  }

  /** Records the key of a host seen for the first time (OpenSSH's {@code accept-new}). */
  public SshHostFactory acceptNewHostKeys() {
    return copy(builder -> builder.acceptNew = true);
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

  /** The settings of one {@code SshHostFactory} while it, or a copy of it, is being made. */
  private static final class Builder {
    private Optional<Path> knownHosts = Optional.empty();
    private Optional<Path> identity = Optional.empty();
    private boolean acceptNew;

    private Builder() {
    }

    private Builder(SshHostFactory from) {
      knownHosts = from.knownHosts;
      identity = from.identity;
      acceptNew = from.acceptNew;
    }
  }
}
