package dev.slipway.examples.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.node.HostFailuresException;
import dev.slipway.node.Node;
import dev.slipway.testing.FakeHost;
import dev.slipway.testing.RecordedCommand;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How to unit test your own deploy logic, by example: a deployment written for the blog of the
 * Django tutorial, run against a {@link FakeHost}. No server, no SSH, no sleep: script what the
 * host answers, run the action, then check the commands it recorded and the files it left.
 *
 * <p>A fake is strict by default: a command nobody scripted fails the test, naming the command, so
 * the test states everything the deploy runs. Use {@code lenient()} when only a few commands matter.
 */
class DeployLogicTest {
  private static final String CODE = "/srv/blog/code";

  /** The code under test: your deployment, configured in a subclass as in the tutorial. */
  static class Blog extends DjangoStyleDeployment {
    Blog() {
      git.repository("https://git.example.com/blog.git").projectDirectory(CODE);
      virtualEnv.location("/srv/blog/env").requirementsFiles(CODE + "/requirements.txt");
      restartCommand = "sudo systemctl reload blog";
      deployCommands = List.of("migrate --noinput", "collectstatic --noinput");
      localSettings = "ALLOWED_HOSTS = ['blog.example.com']\n";
    }
  }

  private final FakeHost web = FakeHost.named("web1");

  @BeforeEach
  void theProjectIsCheckedOutOnTheHost() {
    web.fs().mkdirs(CODE + "/.git");
  }

  private Blog blogOn(FakeHost host) {
    Blog blog = new Blog();
    Node.root().child("blog", blog, roles -> roles.add("host", host));
    return blog;
  }

  /** Scripts every command of a deploy as succeeding: the list reads as what a deploy does. */
  private void scriptASuccessfulDeploy(FakeHost host) {
    host.when("git fetch --quiet --tags origin").thenSucceed()
        .when("git checkout --quiet v3 --").thenSucceed()
        .when("python -m pip install --quiet -r " + CODE + "/requirements.txt").thenSucceed()
        .when("python manage.py migrate --noinput").thenOutput("Applying blog.0003_tags... OK\n")
        .when("python manage.py collectstatic --noinput").thenOutput("12 static files copied.\n")
        .when("sudo systemctl reload blog").thenSucceed();
  }

  @Test
  void a_deploy_runs_its_commands_in_order_in_the_project_with_the_virtualenv_active() {
    // GIVEN a host where every command of the deploy succeeds
    scriptASuccessfulDeploy(web);

    // WHEN
    blogOn(web).deploy("v3");

    // THEN the host saw exactly these commands, in this order
    assertThat(web.commands()).containsExactly(
        "git fetch --quiet --tags origin",
        "git checkout --quiet v3 --",
        "python -m pip install --quiet -r " + CODE + "/requirements.txt",
        "python manage.py migrate --noinput",
        "python manage.py collectstatic --noinput",
        "sudo systemctl reload blog");
    // and each one carries the context it ran in: directory, prefixes (the virtualenv), sudo user
    RecordedCommand migrate = web.recorded().get(3);
    assertThat(migrate.context().directory()).contains(CODE);
    assertThat(migrate.context().prefixes()).containsExactly(". /srv/blog/env/bin/activate");
  }

  @Test
  void a_deploy_writes_the_settings_file_replacing_the_old_one() {
    // GIVEN a host whose file system already holds last release's settings
    scriptASuccessfulDeploy(web);
    web.fs().write(CODE + "/local_settings.py", "ALLOWED_HOSTS = ['old.example.com']\n");

    // WHEN
    blogOn(web).deploy("v3");

    // THEN the file on the (in-memory) host has the new content
    assertThat(web.fs().readString(CODE + "/local_settings.py"))
        .isEqualTo("ALLOWED_HOSTS = ['blog.example.com']\n");
  }

  @Test
  void a_failing_migration_stops_the_deploy_before_the_app_server_is_reloaded() {
    // GIVEN the migration fails on this host
    scriptASuccessfulDeploy(web);
    web.when("python manage.py migrate --noinput").thenFail(1, "django.db.utils.OperationalError: no such table");

    // WHEN
    HostFailuresException failure =
        catchThrowableOfType(HostFailuresException.class, () -> blogOn(web).deploy("v3"));

    // THEN the error names the host, the command and what it wrote to stderr
    assertThat(failure.hosts()).containsExactly("web1");
    assertThat(failure).hasMessageContaining("python manage.py migrate --noinput")
        .hasMessageContaining("no such table");
    // and nothing after it ran
    assertThat(web.commands()).last().isEqualTo("python manage.py migrate --noinput");
  }

  @Test
  void a_command_nobody_scripted_fails_the_test_naming_it() {
    // GIVEN a strict host that only knows the fetch
    web.when("git fetch --quiet --tags origin").thenSucceed();

    // WHEN
    HostFailuresException failure =
        catchThrowableOfType(HostFailuresException.class, () -> blogOn(web).deploy("v3"));

    // THEN the unexpected command is in the message: script it, or find out why the code runs it
    assertThat(failure).hasMessageContaining("git checkout --quiet v3 --");
    assertThat(web.commands()).containsExactly("git fetch --quiet --tags origin", "git checkout --quiet v3 --");
  }
}
