package dev.slipway.service;

import static dev.slipway.Command.cmd;
import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.Host;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A systemd service whose unit file Slipway keeps: its text (written in code, or rendered by the
 * front end's {@code dev.slipway.template.Template}), installed only
 * when its text changed, followed by {@code systemctl daemon-reload} only then.
 *
 * <pre>{@code
 * SystemdService flask = SystemdService.named("flask-demo")
 *     .unit(Template.fromResource("/deploy/flask-demo.service.j2").render(Map.of("deploy_to", "/opt/flask-demo")))
 *     .build();
 * releases.after(Step.SYMLINK, (host, release) -> {
 *   flask.install(host);     // writes /etc/systemd/system/flask-demo.service if changed, enables it
 *   flask.restart(host);     // sudo systemctl restart flask-demo.service
 * });
 * }</pre>
 *
 * <p>{@code systemctl} runs through {@code host.sudo()}. The unit file is written with the host's
 * file operations (atomically: a temporary file renamed into place), so as the connecting user:
 * when that user cannot write the unit directory, give {@link Builder#stagingDirectory} and the
 * file is moved into place with {@code sudo}. Immutable and thread-safe.
 */
public final class SystemdService {
  /** Where units go unless {@link Builder#unitDirectory} says otherwise. */
  public static final String UNIT_DIRECTORY = "/etc/systemd/system";

  private final String name;
  private final Optional<String> unitText;
  private final String unitDirectory;
  private final Optional<String> stagingDirectory;

  private SystemdService(Builder builder) {
    this.name = builder.name;
    this.unitText = builder.unitText;
    this.unitDirectory = builder.unitDirectory;
    this.stagingDirectory = builder.stagingDirectory;
  }

  /** Starts describing the service {@code name} ({@code flask-demo} or {@code flask-demo.service}). */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** The unit's name with its suffix, e.g. {@code flask-demo.service}. */
  public String unitName() {
    return name + ".service";
  }

  /** Where the unit file goes. */
  public String unitPath() {
    return unitDirectory + "/" + unitName();
  }

  /** The unit file's text, when this service has one to install. */
  public Optional<String> unitText() {
    return unitText;
  }

  /**
   * Installs the unit file if it is missing or different, runs {@code daemon-reload} if it was,
   * and enables the service (idempotent).
   *
   * @return whether the unit file changed
   */
  public boolean install(Host host) {
    String text = unitText.orElseThrow(() -> new IllegalStateException("service " + name
        + " has no unit to install: give one with unit(text)"));
    boolean changed = !installedText(host).equals(Optional.of(text));
    if (changed) {
      writeUnit(host, text);
      host.sudo().run(Command.format("systemctl daemon-reload && systemctl enable %s", unitName()));
    } else {
      systemctl(host, "enable");
    }
    return changed;
  }

  /** {@code systemctl start}: starts the service unless it runs. */
  public void start(Host host) {
    systemctl(host, "start");
  }

  /** {@code systemctl stop}. */
  public void stop(Host host) {
    systemctl(host, "stop");
  }

  /** {@code systemctl restart}: stops and starts the service (starts it if it was stopped). */
  public void restart(Host host) {
    systemctl(host, "restart");
  }

  /** {@code systemctl reload}: asks the running service to reload (the unit's {@code ExecReload}). */
  public void reload(Host host) {
    systemctl(host, "reload");
  }

  /** What systemd says about the service, from {@code systemctl show} (no sudo needed; a dry run asks too). */
  public ServiceStatus status(Host host) {
    String shown = host.run(Command.format("systemctl show %s --property=LoadState,ActiveState,SubState,MainPID",
        unitName()).readOnly()).output();
    Map<String, String> properties = new LinkedHashMap<>();
    shown.lines().map(line -> line.split("=", 2)).filter(pair -> pair.length == 2)
        .forEach(pair -> properties.put(pair[0], pair[1]));
    boolean running = "active".equals(properties.get("ActiveState"));
    long pid = Long.parseLong(properties.getOrDefault("MainPID", "0"));
    String detail = properties.getOrDefault("ActiveState", "unknown") + " ("
        + properties.getOrDefault("SubState", "unknown") + ")"
        + ("not-found".equals(properties.get("LoadState")) ? ", no such unit" : "");
    return new ServiceStatus(host.name(), name, running, pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty(),
        detail);
  }

  private void systemctl(Host host, String verb) {
    host.sudo().run(cmd("systemctl", verb, unitName()));
  }

  private Optional<String> installedText(Host host) {
    if (host.stat(unitPath()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(host.readString(unitPath()));
  }

  private void writeUnit(Host host, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    if (stagingDirectory.isEmpty()) {
      host.write(unitPath(), content, 0644);
      return;
    }
    // install(1) writes in place; into a temporary name first, so that the rename is the atomic step.
    String staged = stagingDirectory.get() + "/" + unitName();
    String temporary = unitPath() + ".slipway-tmp";
    host.write(staged, content, 0600);
    host.sudo().run(Command.format("install -m 0644 %s %s && mv -f %s %s && rm -f %s",
        staged, temporary, temporary, unitPath(), staged));
  }

  @Override
  public String toString() {
    return "SystemdService[" + unitName() + "]";
  }

  /** Describes a {@link SystemdService}; only the name is required. */
  public static final class Builder {
    private final String name;
    private Optional<String> unitText = Optional.empty();
    private String unitDirectory = UNIT_DIRECTORY;
    private Optional<String> stagingDirectory = Optional.empty();

    private Builder(String name) {
      String bare = requireNonNull(name, "name").endsWith(".service")
          ? name.substring(0, name.length() - ".service".length()) : name;
      if (!bare.matches("[A-Za-z0-9:_.@-]+")) {
        throw new IllegalArgumentException("not a valid systemd unit name: " + name);
      }
      this.name = bare;
    }

    /** The unit file's text as given. */
    public Builder unit(String text) {
      this.unitText = Optional.of(requireNonNull(text, "text"));
      return this;
    }

    /** Where the unit file goes; {@value SystemdService#UNIT_DIRECTORY} unless said otherwise. */
    public Builder unitDirectory(String directory) {
      this.unitDirectory = absolute(directory, "unitDirectory");
      return this;
    }

    /**
     * A directory the connecting user can write: the unit is written there and moved into the unit
     * directory with {@code sudo install}, for deploy users that cannot write it themselves.
     */
    public Builder stagingDirectory(String directory) {
      this.stagingDirectory = Optional.of(absolute(directory, "stagingDirectory"));
      return this;
    }

    /** The service. */
    public SystemdService build() {
      return new SystemdService(this);
    }

    private static String absolute(String directory, String what) {
      if (!requireNonNull(directory, what).startsWith("/")) {
        throw new IllegalArgumentException(what + " must be absolute, was: " + directory);
      }
      return directory.endsWith("/") && directory.length() > 1 ? directory.substring(0, directory.length() - 1)
          : directory;
    }
  }
}
