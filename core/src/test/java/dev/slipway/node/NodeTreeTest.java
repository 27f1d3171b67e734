package dev.slipway.node;

import static dev.slipway.node.NodeFilter.hasAction;
import static dev.slipway.node.NodeFilter.inGroup;
import static dev.slipway.node.NodeFilter.isInstance;
import static dev.slipway.node.NodeFilter.not;
import static dev.slipway.node.NodeFilter.publicOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTreeTest {

  static class Git extends Node {
    @Action(description = "Check out a commit")
    public void checkout(String commit) {
    }

    @Action
    public String show() {
      return "";
    }

    public void helper() {
    }
  }

  static class Service extends Node {
    @Required("the upstart service name")
    protected String service;

    @Action
    public void start() {
    }

    @Action(name = "_debug")
    public void debug(int level, boolean verbose, Path file) {
    }
  }

  static class Redis extends Service {
    Redis() {
      service = "redis";
    }

    @Override
    public void start() {
    }
  }

  static class Web extends Node {
    int port;

    Web(int port) {
      this.port = port;
    }

    @Override
    protected void requires(Requirements requirements) {
      requirements.check("port", port > 0 && port < 65536, "must be a TCP port, was " + port);
    }
  }

  static class Clash extends Node {
    @Action(name = "run")
    public void first() {
    }

    @Action(name = "run")
    public void second() {
    }
  }

  private Node tree() {
    Node production = new Node().inGroup(Group.PRODUCTION)
        .child("git", new Git())
        .child("cache", new Redis());
    return Node.root()
        .child("production", production)
        .child("staging", new Node().inGroup(Group.STAGING).child("git", new Git()))
        .child("_internal", new Git());
  }

  @Test
  void paths_names_parents_and_root() {
    Node root = tree();
    Node git = root.find("/production/git").orElseThrow();

    assertThat(root.path()).isEqualTo("/");
    assertThat(git.path()).isEqualTo("/production/git");
    assertThat(git.nodeName()).isEqualTo("git");
    assertThat(git.parent()).contains(root.find("production").orElseThrow());
    assertThat(git.rootNode()).isSameAs(root);
    assertThat(root.parent()).isEmpty();
  }

  @Test
  void children_keep_the_order_they_were_added_in() {
    assertThat(tree().children()).extracting(Node::nodeName).containsExactly("production", "staging", "_internal");
  }

  @Test
  void find_resolves_absolute_relative_and_parent_steps() {
    Node root = tree();
    Node git = root.find("production/git").orElseThrow();

    assertThat(git.find("../cache").map(Node::path)).contains("/production/cache");
    assertThat(git.find("/staging/git").map(Node::path)).contains("/staging/git");
    assertThat(git.find(".")).contains(git);
    assertThat(git.find("../../..")).isEmpty();
    assertThat(root.find("nope")).isEmpty();
  }

  @Test
  void actions_are_annotated_public_methods_with_their_parameters() {
    Node root = tree();
    Node cache = root.find("/production/cache").orElseThrow();

    assertThat(root.find("/production/git").orElseThrow().actions())
        .extracting(ActionInfo::signature).containsExactly("checkout(commit: String)", "show()");
    assertThat(cache.actions()).extracting(ActionInfo::name).containsExactly("_debug", "start");
    ActionInfo debug = cache.action("_debug").orElseThrow();
    assertThat(debug.parameters()).containsExactly(new ActionParameter("level", int.class),
        new ActionParameter("verbose", boolean.class), new ActionParameter("file", Path.class));
    assertThat(debug.isPublic()).isFalse();
    assertThat(root.find("/production/git").orElseThrow().action("checkout").orElseThrow().description())
        .isEqualTo("Check out a commit");
  }

  interface Restartable {
    @Action(description = "Restart the service")
    default void restart() {
    }

    @Action
    void status();
  }

  static class Nginx extends Node implements Restartable {
    @Override
    public void status() {
    }
  }

  @Test
  void an_override_stays_an_action() {
    assertThat(new Redis().action("start")).isPresent();
  }

  @Test
  void actions_can_come_from_interfaces() {
    assertThat(new Nginx().actions()).extracting(ActionInfo::name).containsExactly("restart", "status");
  }

  @Test
  void groups_are_inherited_from_the_parent() {
    Node root = tree();

    assertThat(root.find("/production/git").orElseThrow().group()).contains(Group.PRODUCTION);
    assertThat(root.find("/staging/git").orElseThrow().group()).contains(Group.STAGING);
    assertThat(root.group()).isEmpty();
    assertThat(Group.PRODUCTION.isProduction()).isTrue();
    assertThat(Group.of("beta", Group.Color.BLUE).isProduction()).isFalse();
  }

  @Test
  void walking_with_composed_filters() {
    Node root = tree();

    assertThat(root.walk().map(Node::path)).containsExactly("/", "/production", "/production/git",
        "/production/cache", "/staging", "/staging/git", "/_internal");
    assertThat(root.walk(hasAction("checkout").and(publicOnly()).and(not(inGroup(Group.STAGING))))
        .map(Node::path)).containsExactly("/production/git");
    assertThat(root.walk(isInstance(Service.class).or(inGroup(Group.STAGING))).map(Node::path))
        .containsExactly("/production/cache", "/staging", "/staging/git");
  }

  @Test
  void a_missing_required_setting_names_the_node_and_the_field() {
    Node root = Node.root().child("services", new Node().child("queue", new Service()));

    assertThatThrownBy(root::build)
        .isInstanceOf(InvalidTreeException.class)
        .hasMessageContaining("/services/queue: required setting 'service' (the upstart service name) is not set"
            + " (field Service.service)");
  }

  @Test
  void every_problem_of_the_tree_is_reported_at_once() {
    Node root = Node.root().child("queue", new Service()).child("web", new Web(0)).child("clash", new Clash());

    assertThatThrownBy(root::build)
        .isInstanceOfSatisfying(InvalidTreeException.class, e -> assertThat(e.problems()).containsExactly(
            "/queue: required setting 'service' (the upstart service name) is not set (field Service.service);"
                + " assign it in a subclass or the constructor",
            "/web: setting 'port' must be a TCP port, was 0",
            "/clash: two actions are named 'run' in " + Clash.class.getName()
                + "; give one another name with @Action(name = \"...\")"))
        .hasMessageStartingWith("The node tree has 3 problems:");
  }

  @Test
  void an_action_and_a_child_cannot_share_a_name() {
    Node root = Node.root().child("git", new Git().child("show", new Node()));

    assertThatThrownBy(root::build).hasMessageContaining("/git: 'show' is both an action and a child node");
  }

  @Test
  void isolate_one_only_on_a_plain_node_is_an_error() {
    Node root = Node.root().child("db", new Node() {
      @Action @IsolateOneOnly public void shell() {
      }
    });

    assertThatThrownBy(root::build).hasMessageContaining("/db: action shell is @IsolateOneOnly");
  }

  @Test
  void child_names_must_be_unique_and_valid() {
    Node root = Node.root().child("git", new Git());

    assertThatThrownBy(() -> root.child("git", new Git())).hasMessageContaining("/ already has a child named 'git'");
    assertThatThrownBy(() -> root.child("a/b", new Git())).hasMessageContaining("not a valid node name: 'a/b'");
    assertThatThrownBy(() -> root.child("..", new Git())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_node_belongs_to_one_tree_only() {
    Git git = new Git();
    Node.root().child("git", git);

    assertThatThrownBy(() -> Node.root().child("again", git))
        .hasMessageContaining("already in a tree at /git; create another instance");
  }

  @Test
  void a_node_already_used_cannot_join_another_tree() {
    Git used = new Git();
    used.actions();

    assertThatThrownBy(() -> Node.root().child("git", used)).hasMessageContaining("its own tree is already built");
  }

  @Test
  void action_names_are_checked() {
    Node root = Node.root().child("odd", new Node() {
      @Action(name = "two words") public void run() {
      }
    });

    assertThatThrownBy(root::build).hasMessageContaining("/odd: 'two words' is not a valid action name");
  }

  @Test
  void a_built_tree_is_frozen() {
    Node root = tree().build();
    Node staging = root.find("staging").orElseThrow();

    assertThatThrownBy(() -> staging.child("late", new Node()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot add child late /staging: its tree is already built");
    assertThatThrownBy(() -> root.roles(roles -> roles.add("web"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void action_arguments_are_converted_with_clear_errors() {
    ActionInfo debug = new Redis().action("_debug").orElseThrow();

    assertThat(debug.parse(List.of("3", "yes", "/tmp/x"))).containsExactly(3, true, Path.of("/tmp/x"));
    assertThatThrownBy(() -> debug.parse(List.of("three", "yes", "/tmp/x")))
        .isInstanceOf(ActionArgumentException.class)
        .hasMessage("_debug: argument 'level' must be a whole number, was 'three'");
    assertThatThrownBy(() -> debug.parse(List.of("3", "maybe", "/tmp/x")))
        .hasMessage("_debug: argument 'verbose' must be true or false (or yes/no), was 'maybe'");
    assertThatThrownBy(() -> debug.parse(List.of("3")))
        .hasMessage("_debug takes 3 arguments _debug(level: int, verbose: boolean, file: Path), got 1: [3]");
  }

  enum Mode { FAST, SAFE }

  @Test
  void enum_arguments_match_their_constants_in_any_case() {
    ActionParameter mode = new ActionParameter("mode", Mode.class);

    assertThat(mode.parse("safe")).isEqualTo(Mode.SAFE);
    assertThat(mode.describeType()).isEqualTo("FAST|SAFE");
    assertThatThrownBy(() -> mode.parse("slow")).hasMessage("argument 'mode' must be one of FAST|SAFE, was 'slow'");
    assertThat(new ActionParameter("x", Object.class).convertible()).isFalse();
  }
}
