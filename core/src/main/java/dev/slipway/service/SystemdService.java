package dev.slipway.service;

import static dev.slipway.Command.cmd;
import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.release.Release;
import dev.slipway.spi.Sudo;
import dev.slipway.spi.Transport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>As a recipe's {@link Service} ({@code recipe.service(SystemdService.named("flask-demo").build())})
 * it serves each release that goes live with {@code systemctl reload-or-restart} (a unit with
 * {@code ExecReload} is reloaded, any other restarted, a stopped one started), then checks that the
 * unit is active: one command ({@link #serveCommand}) that a deploy sends inside the switch's batch.
 * A unit whose reload cannot pick up a new release (a process that resolved {@code current} when it
 * started and reloads from there) should declare no {@code ExecReload}, so that a serve restarts it.
 * The unit is installed elsewhere (by {@link #install}, or provisioning's {@code SystemdUnit}), not
 * by a serve.
 *
 * <p>{@code systemctl} runs through {@code host.sudo()}; the serve command, which may run inside a
 * batch, carries its own {@code sudo -n}, so it is offered only when the host needs no sudo password
 * (with one, {@link #serve} runs it alone through {@code host.sudo()}, which answers the prompt). The
 * unit file is written with the host's
 * file operations (atomically: a temporary file renamed into place), so as the connecting user:
 * when that user cannot write the unit directory, give {@link Builder#stagingDirectory} and the
 * file is moved into place with {@code sudo}. Immutable and thread-safe.
 */
public final class SystemdService implements Service {
  /** Where units go unless {@link Builder#unitDirectory} says otherwise. */
  public static final String UNIT_DIRECTORY = "/etc/systemd/system";
  private static final String SERVE_SCRIPT = Scripts.load("systemd-serve.sh");

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

  /** The service's name without the {@code .service} suffix, e.g. {@code flask-demo}. */
  @Override
  public String name() {
    return name;
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

  /** {@code systemctl stop}, then what systemd says about the service. */
  @Override
  public ServiceStatus stop(Host host) {
    systemctl(host, "stop");
    return status(host);
  }

  /** {@code systemctl restart}: stops and starts the service (starts it if it was stopped). */
  public void restart(Host host) {
    systemctl(host, "restart");
  }

  /** {@code systemctl reload}: asks the running service to reload (the unit's {@code ExecReload}). */
  public void reload(Host host) {
    systemctl(host, "reload");
  }

  /**
   * Makes the service serve {@code release}, which has just gone live (the unit runs it from
   * {@code current}): {@code systemctl reload-or-restart}, then the unit must be active. The same
   * command as {@link #serveCommand}, unless the host needs a sudo password.
   *
   * @throws ServiceException if systemd could not reload or restart it, or it is not active
   *     afterwards; the message is the command's last line of stderr, e.g.
   *     {@code flask-demo.service is failed after reload-or-restart, not active (journalctl -u flask-demo.service says why)}
   */
  @Override
  public void serve(Host host, Release release) {
    CommandResult result = needsSudoPassword(host) ? host.sudo().execute(serveScript())
        : host.execute(serveAsRoot());
    if (!result.succeeded()) {
      String why = result.stderrTail(1).stream().map(String::strip).findFirst()
          .orElse("exit status " + result.exitStatus());
      throw new ServiceException(host.name(), name, host.name() + ": " + why);
    }
  }

  /**
   * {@link #serve} as one command for the switch's batch: the serve script through {@code sudo -n}
   * as root, every value quoted; exit 0 once the unit is active, else the reason last on stderr.
   * Empty when the host needs a sudo password, which a batch cannot answer.
   */
  @Override
  public Optional<Command> serveCommand(Host host, Release release) {
    return needsSudoPassword(host) ? Optional.empty() : Optional.of(serveAsRoot());
  }

  /** {@code sudo} and {@code systemctl}. */
  @Override
  public List<String> requiredCommands() {
    return List.of("sudo", "systemctl");
  }

  /** What systemd says about the service, from {@code systemctl show} (no sudo needed; a dry run asks too). */
  @Override
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

  private Command serveScript() {
    return cmd("sh", "-c", SERVE_SCRIPT, "slipway-systemd", unitName());
  }

  // Rendered as the host's sudo view renders it, but without a password prompt: a batch has no
  // stdin to answer one.
  private Command serveAsRoot() {
    Sudo root = new Sudo("root", false, SERVE_SCRIPT);
    return Command.shell(root.commandLine() + Command.format(" slipway-systemd %s", unitName()).render());
  }

  private static boolean needsSudoPassword(Host host) {
    return host.unwrap(Transport.class).flatMap(Transport::sudoPassword).isPresent();
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
