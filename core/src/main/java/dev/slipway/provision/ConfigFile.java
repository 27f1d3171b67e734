package dev.slipway.provision;

import static java.util.Objects.requireNonNull;

import dev.slipway.FileInfo;
import dev.slipway.Host;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A text file the server must have, as python-deployer's {@code Config}: rendered, compared with
 * the host's file, shown as a diff, and written only if it differs. The old file is kept beside the
 * new one ({@code notes.conf.20261202061500~}), and the new text is written atomically.
 *
 * <pre>{@code
 * ConfigFile.at("/etc/notes/notes.conf")
 *     .template(template::render, Map.of("db", "/srv/notes/shared/notes.db", "secret_key", Secret.of(key)))
 *     .owner("root").group("notes").mode(0640)
 *     .build();
 * }</pre>
 *
 * <p>{@link dev.slipway.Secret} variables are rendered in clear into the file and masked in the
 * diff, on the new lines and on the host's old lines the template puts a secret on. The file is
 * written by the connecting user, then given the declared owner; a new file without a declared mode
 * gets {@code 0644}.
 */
public final class ConfigFile implements Resource {
  private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
      .withZone(ZoneOffset.UTC);

  private final String path;
  private final String text;
  private final SecretMask mask;
  private final Ownership ownership;
  private final boolean backup;
  private final Clock clock;

  private ConfigFile(Builder builder) {
    this.path = builder.path;
    this.text = builder.text.orElseThrow(() -> new IllegalStateException(
        "config file " + builder.path + " needs its text: give content(text) or template(renderer, variables)"));
    this.mask = builder.mask;
    this.ownership = builder.ownership;
    this.backup = builder.backup;
    this.clock = builder.clock;
  }

  /** Starts describing the file at the absolute {@code path}. */
  public static Builder at(String path) {
    return new Builder(path);
  }

  /** The file's path. */
  public String path() {
    return path;
  }

  @Override
  public String describe() {
    return "file " + path;
  }

  @Override
  public Plan plan(Host host) {
    Optional<FileInfo> info = host.stat(path);
    if (info.isPresent() && !info.get().isRegularFile()) {
      throw new ProvisionException(path + " is a " + info.get().type().name().toLowerCase() + ", not a file");
    }
    Optional<byte[]> current = info.map(found -> host.read(path));
    if (current.isPresent() && new String(current.get(), StandardCharsets.UTF_8).equals(text)) {
      return Paths.fixing(ownership, host, info.get());
    }
    List<String> changes = new ArrayList<>();
    changes.add(current.isEmpty() ? "create" : "content");
    changes.addAll(info.map(found -> ownership.differences(host, found)).orElseGet(ownership::declared));
    String old = current.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("");
    Optional<String> diff = TextDiff.unified(path, host.name(), mask.apply(old), mask.apply(text));
    if (diff.isEmpty()) {
      changes.set(0, "content (a secret changed)");
    }
    return new Plan(changes, diff, List.of(live -> write(live, info, current)));
  }

  private void write(Host host, Optional<FileInfo> info, Optional<byte[]> current) {
    int mode = ownership.mode().orElse(info.map(FileInfo::mode).orElse(0644) & 07777);
    if (backup && current.isPresent()) {
      host.write(backupPath(), current.get(), info.get().mode() & 07777);
    }
    host.write(path, text.getBytes(StandardCharsets.UTF_8), mode);
    ownership.fixOwner(host, path);
  }

  private String backupPath() {
    return path + "." + BACKUP_STAMP.format(clock.instant()) + "~";
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Describes a {@link ConfigFile}: the path and the text are required. */
  public static final class Builder extends OwnedBuilder<Builder> {
    private final String path;
    private Optional<String> text = Optional.empty();
    private SecretMask mask = SecretMask.none();
    private boolean backup = true;
    private Clock clock = Clock.systemUTC();

    private Builder(String path) {
      this.path = Paths.absolute(requireNonNull(path, "path"));
    }

    /** The file's text as given. */
    public Builder content(String content) {
      this.text = Optional.of(requireNonNull(content, "content"));
      this.mask = SecretMask.none();
      return this;
    }

    /**
     * The file's text rendered now from {@code variables}; a {@link dev.slipway.Secret} value is
     * rendered in clear and masked in the diff.
     */
    public Builder template(Renderer renderer, Map<String, ?> variables) {
      this.text = Optional.of(renderer.render(SecretMask.revealed(variables)));
      this.mask = SecretMask.of(renderer, variables);
      return this;
    }


    /** Whether the old file is kept beside the new one when the text changes (it is unless said otherwise). */
    public Builder backup(boolean keep) {
      this.backup = keep;
      return this;
    }

    /** The clock that stamps backups. */
    public Builder clock(Clock source) {
      this.clock = requireNonNull(source, "clock");
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    /** The resource. */
    public ConfigFile build() {
      return new ConfigFile(this);
    }
  }
}
