package dev.slipway.examples.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.node.ActionArgumentException;
import dev.slipway.node.Execution;
import dev.slipway.node.HostResults;
import dev.slipway.node.InvalidTreeException;
import dev.slipway.node.Node;
import dev.slipway.testing.FakeHost;
import dev.slipway.testing.RecordedCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reusable deployment's logic, checked on fake hosts: what runs where, in which order. */
class DjangoStyleDeploymentTest {
  private final FakeHost web = FakeHost.named("web1").lenient();

  /** The tutorial's pattern: a subclass fills in the parts' settings and its own. */
  static class Shop extends DjangoStyleDeployment {
    Shop() {
      git.repository("https://git.example.com/shop.git").projectDirectory("/srv/shop/code");
      virtualEnv.location("/srv/shop/venv").packages("gunicorn")
          .requirementsFiles("/srv/shop/code/requirements.txt");
      restartCommand = "sudo systemctl restart shop";
      statusCommand = "systemctl is-active shop";
      localSettings = "DEBUG = False\n";
    }
  }

  private Shop shopOn(FakeHost... hosts) {
    Shop shop = new Shop();
    Node.root().child("shop", shop, roles -> roles.add("host", hosts));
    return shop;
  }

  @Test
  void setup_clones_creates_the_virtualenv_installs_into_it_and_writes_the_settings() {
    web.fs().mkdirs("/srv/shop/code");

    shopOn(web).setup();

    assertThat(web.commands()).containsExactly(
        "git clone --quiet -- https://git.example.com/shop.git /srv/shop/code",
        "python3 -m venv /srv/shop/venv",
        "python -m pip install --quiet gunicorn",
        "python -m pip install --quiet -r /srv/shop/code/requirements.txt");
    assertThat(web.recorded().get(2).context().prefixes()).containsExactly(". /srv/shop/venv/bin/activate");
    assertThat(web.fs().readString("/srv/shop/code/local_settings.py")).isEqualTo("DEBUG = False\n");
  }

  @Test
  void setup_does_not_clone_again_where_the_working_copy_exists() {
    web.fs().mkdirs("/srv/shop/code/.git");

    shopOn(web).setup();

    assertThat(web.commands()).noneMatch(command -> command.startsWith("git clone"));
  }

  @Test
  void deploy_checks_out_installs_migrates_and_restarts_in_the_project_inside_the_virtualenv() {
    web.fs().mkdirs("/srv/shop/code");

    shopOn(web).deploy("v2");

    assertThat(web.commands()).containsExactly(
        "git fetch --quiet --tags origin",
        "git checkout --quiet v2 --",
        "python -m pip install --quiet -r /srv/shop/code/requirements.txt",
        "python manage.py migrate --noinput",
        "sudo systemctl restart shop");
    RecordedCommand restart = web.recorded().get(4);
    assertThat(restart.context().directory()).contains("/srv/shop/code");
    assertThat(restart.context().prefixes()).containsExactly(". /srv/shop/venv/bin/activate");
  }

  @Test
  void every_value_is_quoted_by_the_library() {
    Shop shop = shopOn(web);
    shop.git.repository("/srv/git/it's here.git");
    web.fs().mkdirs("/srv/shop/code");

    shop.git.cloneRepository();
    shop.git.checkout("release; rm -rf /");

    assertThat(web.commands()).containsExactly(
        "git clone --quiet -- '/srv/git/it'\"'\"'s here.git' /srv/shop/code",
        "git checkout --quiet 'release; rm -rf /' --");
  }

  @Test
  void a_checkout_that_looks_like_an_option_is_refused_before_anything_runs() {
    Node root = shopOn(web).rootNode();

    assertThatThrownBy(() -> Execution.of(root).invoke("/shop/git", "checkout", List.of("--orphan=x")))
        .isInstanceOf(ActionArgumentException.class)
        .hasMessageContaining("'--orphan=x' is not a commit, tag or branch name");
    assertThat(web.commands()).isEmpty();
  }

  @Test
  void a_management_command_is_split_into_quoted_words() {
    shopOn(web).runManagementCommand("  loaddata  fixtures/$HOME.json ");

    assertThat(web.commands()).containsExactly("python manage.py loaddata 'fixtures/$HOME.json'");
  }

  @Test
  void status_reports_the_version_and_the_app_server_of_each_host() {
    FakeHost web2 = FakeHost.named("web2");
    for (FakeHost host : List.of(web, web2)) {
      host.when("git describe --tags --always").thenOutput(host == web ? "v2\n" : "v1-3-gabc1234\n")
          .when("systemctl is-active shop").thenOutput("active\n");
    }

    HostResults<String> status = shopOn(web, web2).status();

    assertThat(status.get("web1")).isEqualTo("v2, active");
    assertThat(status.get("web2")).isEqualTo("v1-3-gabc1234, active");
  }

  @Test
  void actions_run_by_path_through_an_execution() {
    web.fs().mkdirs("/srv/shop/code");
    Node root = shopOn(web).rootNode();

    try (Execution execution = Execution.of(root)) {
      execution.invoke("/shop/virtualenv", "installPackage", List.of("gunicorn==20.1"));
      execution.invoke("/shop", "restart", List.of());
    }

    assertThat(web.commands()).containsExactly("python -m pip install --quiet gunicorn==20.1",
        "sudo systemctl restart shop");
    assertThat(root.find("/shop").orElseThrow().actions()).extracting(a -> a.name())
        .contains("setup", "deploy", "runManagementCommand", "status", "restart", "uploadSettings");
  }

  @Test
  void a_subclass_that_forgets_settings_fails_when_the_tree_is_built_naming_node_and_setting() {
    class Forgetful extends DjangoStyleDeployment {
      Forgetful() {
        git.projectDirectory("srv/relative");
        virtualEnv.location("/srv/venv");
      }
    }
    Node root = Node.root().child("shop", new Forgetful(), roles -> roles.add("host", web));

    assertThatThrownBy(root::build)
        .isInstanceOf(InvalidTreeException.class)
        .hasMessageContaining("/shop: required setting 'restartCommand'")
        .hasMessageContaining("/shop/git: required setting 'repository' (the URL of the repository to clone)")
        .hasMessageContaining("/shop/git: setting 'projectDirectory' must be an absolute path")
        .satisfies(e -> assertThat(((InvalidTreeException) e).problems()).hasSize(3));
    assertThat(web.commands()).isEmpty();
  }
}
