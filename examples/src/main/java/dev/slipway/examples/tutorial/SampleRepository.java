package dev.slipway.examples.tutorial;

import dev.slipway.Command;
import dev.slipway.Host;
import java.util.List;

/**
 * Makes the git repository the tutorial deploys: a tiny WSGI app with a {@code manage.py}
 * stand-in, standard library only, tagged {@code v1} and {@code v2} on branch {@code main}.
 * It is made with the {@code git} command on {@code host}, so no network is needed.
 *
 * <pre>{@code
 * String url = SampleRepository.create(LocalHost.create(), "target/sample-repository");
 * }</pre>
 */
public final class SampleRepository {
  /** The tags, oldest first. */
  public static final List<String> VERSIONS = List.of("v1", "v2");

  private static final String APP = """
      \"\"\"The sample project: a WSGI app that answers with its version.\"\"\"
      import pathlib

      VERSION = (pathlib.Path(__file__).resolve().parent / "VERSION").read_text().strip()


      def application(environ, start_response):
          start_response("200 OK", [("Content-Type", "text/plain")])
          return [VERSION.encode()]
      """;

  private static final String MANAGE = """
      \"\"\"A stand-in for Django's manage.py with the commands the deployment runs.\"\"\"
      import pathlib
      import sys
      import wsgiref.util

      HERE = pathlib.Path(__file__).resolve().parent
      VAR = HERE / "var"


      def version():
          return (HERE / "VERSION").read_text().strip()


      def record(name, text):
          VAR.mkdir(exist_ok=True)
          (VAR / name).write_text(text + "\\n")


      def check():
          import app
          environ = {}
          wsgiref.util.setup_testing_defaults(environ)
          body = b"".join(app.application(environ, lambda status, headers: None)).decode()
          settings = "with local_settings.py" if (HERE / "local_settings.py").exists() else "default settings"
          print(f"app answers {body} ({settings})")


      def migrate(*options):
          record("schema", version())
          print("database schema migrated to", version())


      def restart():
          record("app-server", version())
          print("app server restarted on", version())


      def status():
          state = VAR / "app-server"
          print("app server runs " + state.read_text().strip() if state.exists() else "app server never started")


      COMMANDS = {"check": check, "migrate": migrate, "restart": restart, "status": status}

      if __name__ == "__main__":
          name, *args = sys.argv[1:] or ["check"]
          if name not in COMMANDS:
              sys.exit(f"unknown command {name}; commands: {', '.join(COMMANDS)}")
          COMMANDS[name](*args)
      """;

  private static final String IGNORE = "local_settings.py\nvar/\n__pycache__/\n";

  private static final String REQUIREMENTS = "# standard library only: nothing to install\n";

  private SampleRepository() {
  }

  /**
   * Creates the repository at {@code directory} on {@code host} unless one is there.
   *
   * @return the URL to clone it from (its absolute path)
   */
  public static String create(Host host, String directory) {
    if (host.exists(directory + "/.git")) {
      return directory;
    }
    host.mkdirs(directory);
    Host repo = host.cd(directory);
    repo.run("git init --quiet --initial-branch=main");
    repo.write("app.py", APP);
    repo.write("manage.py", MANAGE);
    repo.write(".gitignore", IGNORE);
    repo.write("requirements.txt", REQUIREMENTS);
    for (String version : VERSIONS) {
      repo.write("VERSION", version + "\n");
      repo.run("git add --all");
      repo.run(Command.cmd("git", "-c", "user.name=Slipway tutorial", "-c", "user.email=tutorial@example.invalid",
          "-c", "commit.gpgsign=false", "commit", "--quiet", "--message", "Release " + version));
      repo.run("git tag %s", version);
    }
    return directory;
  }
}
