package dev.slipway.examples.workshop;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.git.GitSource;
import dev.slipway.release.DeployReport;
import dev.slipway.release.Release;
import dev.slipway.release.Releases;
import dev.slipway.release.Step;
import dev.slipway.release.deps.DependencyEnvironment;
import dev.slipway.python.Gunicorn;
import dev.slipway.service.HttpHealthCheck;
import dev.slipway.service.SystemdService;
import dev.slipway.template.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The workshop's deploy, done with Slipway instead of Ansistrano: the Flask app of a git
 * repository deployed as releases under {@code deployTo}, its Python environment built once per
 * {@code requirements.txt} and linked into each release, gunicorn run by a pidfile supervisor and
 * reloaded without dropping requests, and every switch checked by asking {@code /version}.
 *
 * <pre>{@code
 * FlaskApp app = FlaskApp.builder(repo).deployTo("/opt/flask-demo").port(8000).build();
 * app.deploy(hosts, "v2");
 * app.deploy(web1, "v3");
 * app.rollback(hosts);
 * app.rollbackTo(hosts, "v1");
 * }</pre>
 *
 * <p>What differs from the workshop's Ansible version, on purpose: the dependencies are installed
 * before the switch (the workshop's {@code after-symlink} hook installs them after it, so a broken
 * {@code requirements.txt} leaves {@code current} on a release that cannot start); the environment
 * belongs to the release (a rollback restores the old one) instead of one shared {@code venv}; and
 * gunicorn is reloaded with {@code HUP} (or re-executed with {@code USR2} when the environment
 * changed) instead of restarted, so no request fails during a switch.
 */
public final class FlaskApp {
  /** The environment's link inside each release, as the workshop's shared {@code venv}. */
  public static final String VENV = "venv";

  private final Path repository;
  private final String deployTo;
  private final int port;
  private final int keep;
  private final List<String> sharedDirs;
  private final String python;
  private final boolean serving;
  private final Gunicorn gunicorn;

  private FlaskApp(Builder builder) {
    this.repository = builder.repository;
    this.deployTo = builder.deployTo;
    this.port = builder.port;
    this.keep = builder.keep;
    this.sharedDirs = List.copyOf(builder.sharedDirs);
    this.python = builder.python;
    this.serving = builder.serving;
    this.gunicorn = Gunicorn.app("app:app").named("flask-demo").deployTo(deployTo)
        .venv(deployTo + "/current/" + VENV).bind("127.0.0.1:" + port).workers(2)
        .startTimeout(Duration.ofSeconds(30)).build();
  }

  /** Starts describing the app of the git repository at {@code repository}. */
  public static Builder builder(Path repository) {
    return new Builder(repository);
  }

  /** Deploys the git ref {@code ref} (a tag such as {@code v2}) to every host, two-phase. */
  public DeployReport deploy(Collection<? extends Host> hosts, String ref) {
    return releases().source(GitSource.of(repository).ref(ref)).deploy(hosts);
  }

  /** Deploys the git ref {@code ref} to one host, as {@link #deploy(Collection, String)} does. */
  public DeployReport deploy(Host host, String ref) {
    return deploy(List.of(host), ref);
  }

  /** Switches every host back to its previous good release, environment included. */
  public DeployReport rollback(Collection<? extends Host> hosts) {
    return releases().rollback(hosts);
  }

  /** Switches {@code host} back to its previous good release, as {@link #rollback(Collection)} does. */
  public DeployReport rollback(Host host) {
    return rollback(List.of(host));
  }

  /** Switches every host to the release of {@code versionOrId}. */
  public DeployReport rollbackTo(Collection<? extends Host> hosts, String versionOrId) {
    return releases().rollbackTo(hosts, versionOrId);
  }

  /** Switches {@code host} to the release of {@code versionOrId}, as {@link #rollbackTo(Collection, String)} does. */
  public DeployReport rollbackTo(Host host, String versionOrId) {
    return rollbackTo(List.of(host), versionOrId);
  }

  /** The releases on {@code host}, newest first. */
  public List<Release> releases(Host host) {
    return releases().releases(host);
  }

  /** Stops the app server on {@code host}. */
  public void stop(Host host) {
    gunicorn.stop(host);
  }

  /** The version {@code /version} answers on {@code host}, asked from the host itself. */
  public String servedVersion(Host host) {
    String body = host.capture("%s -c %s %s", python,
        "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())",
        url());
    return body.replaceAll("(?s).*\"version\"\\s*:\\s*\"([^\"]*)\".*", "$1");
  }

  /** The systemd unit the workshop renders from {@code flask-demo.service.j2}, for hosts that have systemd. */
  public String systemdUnit() {
    return Template.fromResource("dev/slipway/examples/workshop/flask-demo.service.j2").render(Map.of(
        "deploy_to", deployTo, "venv", deployTo + "/current/" + VENV, "port", port));
  }

  /** Installs the systemd unit on {@code host} (as root), reloading systemd only when it changed. */
  public SystemdService systemdService() {
    return SystemdService.named("flask-demo").unit(systemdUnit()).build();
  }

  private Releases releases() {
    Releases releases = Releases.at(deployTo)
        .keep(keep)
        .sharedDirs(sharedDirs.toArray(String[]::new))
        .dependencies(DependencyEnvironment.of(VENV)
            .lockFiles("requirements.txt")
            .keyedBy(python)
            .build(venvBuild()));
    if (!serving) {
      return releases;
    }
    return releases.after(Step.SYMLINK, this::serve)
        .healthCheck((host, release) -> HttpHealthCheck.of(url())
            .expectBodyMatching("\"version\":\\s*\"" + java.util.regex.Pattern.quote(release.version()) + "\"")
            .attempts(60).interval(Duration.ofMillis(250)).timeout(Duration.ofSeconds(5))
            .check(host));
  }

  /**
   * Builds the venv from the system's Flask and gunicorn (there is no PyPI here: {@code --no-index}
   * makes a missing package fail at once), and gives it its own {@code bin/gunicorn}, so that a
   * re-executed gunicorn master runs this environment's interpreter.
   */
  private String venvBuild() {
    return Command.format("%s -m venv --system-site-packages {dir}", python) + " && "
        + "{dir}/bin/pip install --quiet --no-index --disable-pip-version-check -r requirements.txt && "
        + "printf '#!%s/bin/python\\nimport sys\\nfrom gunicorn.app.wsgiapp import run\\nsys.exit(run())\\n' {dir}"
        + " > {dir}/bin/gunicorn && chmod 755 {dir}/bin/gunicorn";
  }

  /**
   * Starts gunicorn, or reloads it: {@code HUP} when the environment is the one it runs, a re-exec
   * when the switch brought another one. Which environment runs is kept beside the pidfile. The
   * release's metadata names its environment, so a dry run (which links nothing) decides the same.
   */
  private void serve(Host host, Release release) {
    String marker = deployTo + "/shared/pids/flask-demo.venv";
    String key = release.metadata().get("env." + VENV);
    if (key == null) {
      throw new IllegalStateException("release " + release.id() + " has no " + VENV + " environment");
    }
    String environment = Releases.at(deployTo).layout().environments() + "/" + key;
    if (!gunicorn.status(host).running()) {
      gunicorn.start(host);
    } else if (host.exists(marker) && host.readString(marker).equals(environment)) {
      gunicorn.reload(host);
    } else {
      gunicorn.reexec(host);
    }
    host.write(marker, environment);
  }

  private String url() {
    return "http://127.0.0.1:" + port + "/version";
  }

  /** Settings of a {@link FlaskApp}; {@code deployTo} and {@code port} are required. */
  public static final class Builder {
    private final Path repository;
    private String deployTo;
    private int port;
    private int keep = 5;
    private List<String> sharedDirs = List.of("log");
    private String python = "/usr/bin/python3";
    private boolean serving = true;

    private Builder(Path repository) {
      this.repository = requireNonNull(repository, "repository");
    }

    /** Where releases/, current and shared/ live on the hosts (the workshop's {@code /opt/flask-demo}). */
    public Builder deployTo(String path) {
      this.deployTo = requireNonNull(path, "path");
      return this;
    }

    /** The loopback port gunicorn listens on. */
    public Builder port(int number) {
      if (number < 1 || number > 65535) {
        throw new IllegalArgumentException("port must be 1..65535, was " + number);
      }
      this.port = number;
      return this;
    }

    /** How many good releases to keep (the workshop's {@code ansistrano_keep_releases}). */
    public Builder keep(int releases) {
      this.keep = releases;
      return this;
    }

    /**
     * Directories shared by every release (the workshop's {@code ansistrano_shared_paths}); a
     * {@code venv} entry is left out because the environment is built per requirements instead.
     */
    public Builder sharedDirs(List<String> paths) {
      this.sharedDirs = paths.stream().filter(path -> !path.equals(VENV)).toList();
      return this;
    }

    /** The Python interpreter that has Flask and gunicorn (Debian's, by default). */
    public Builder python(String interpreter) {
      this.python = requireNonNull(interpreter, "interpreter");
      return this;
    }

    /**
     * Deploys the code and its environment only, without starting or reloading the app server
     * (for benchmarks that put many hosts on one machine, where they would share its ports).
     */
    public Builder withoutAppServer() {
      this.serving = false;
      return this;
    }

    /** The app, checked. */
    public FlaskApp build() {
      if (deployTo == null) {
        throw new IllegalStateException("deployTo is required: call deployTo(\"/opt/flask-demo\") before build()");
      }
      if (port == 0) {
        throw new IllegalStateException("port is required: call port(8000) before build()");
      }
      return new FlaskApp(this);
    }
  }
}
