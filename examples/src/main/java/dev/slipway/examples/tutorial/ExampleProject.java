package dev.slipway.examples.tutorial;

import java.util.List;

/**
 * The tutorial's last step: the reusable {@link DjangoStyleDeployment} with every setting filled
 * in for one project, the sample app of {@link SampleRepository}. Everything lives under
 * {@code home}: the working copy in {@code home/project}, the virtualenv in {@code home/venv}.
 *
 * <p>The virtualenv is made for a machine without a package index: Debian's {@code /usr/bin/python3},
 * {@code --system-site-packages} and {@code --without-pip} (pip comes from the system), and
 * {@code pip install --no-index}. The "app server" is the sample's {@code manage.py restart}, which
 * only records the version it would serve; a real project sets {@code restartCommand} to, say,
 * {@code sudo systemctl restart shop}.
 */
public class ExampleProject extends DjangoStyleDeployment {

  /** The sample project under {@code home} (absolute), cloned from {@code repository}. */
  public ExampleProject(String home, String repository) {
    git.repository(repository)
        .projectDirectory(home + "/project")
        .branch("main");
    virtualEnv.location(home + "/venv")
        .interpreter("/usr/bin/python3")
        .venvOptions("--system-site-packages", "--without-pip")
        .pipOptions("--no-index")
        .requirementsFiles(home + "/project/requirements.txt");
    restartCommand = "python manage.py restart";
    statusCommand = "python manage.py status";
    deployCommands = List.of("check", "migrate --noinput");
    localSettings = "DEBUG = False\nALLOWED_HOSTS = [\"localhost\"]\n";
  }
}
