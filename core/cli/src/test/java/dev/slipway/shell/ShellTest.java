package dev.slipway.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.node.Node;
import dev.slipway.testing.FakeHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven as a user would, through a JLine terminal on piped streams. */
class ShellTest {
  @TempDir
  Path home;

  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  private String session(Node tree, String... lines) throws IOException {
    byte[] keys = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    var terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(keys), screen, StandardCharsets.UTF_8);
    Shell.builder(tree).terminal(terminal).history(home.resolve("history")).version("test").build().run();
    return screen.toString(StandardCharsets.UTF_8);
  }

  private String session(String... lines) throws IOException {
    return session(ExampleTree.tree(), lines);
  }

  @Test
  void cd_moves_like_python_deployer() throws IOException {
    String screen = session("pwd", "cd web", "pwd", "cd ..", "cd production db", "pwd", "cd -", "pwd", "cd /",
        "cd production/db", "pwd", "cd", "pwd", "cd nowhere", "exit");

    // A dumb terminal does not echo what is typed: each line is the prompts, then what was printed.
    assertThat(screen.lines().map(line -> line.substring(line.lastIndexOf("> ") + 2)).filter(out -> out.startsWith("/")))
        .containsExactly("/", "/web", "/production/db", "/", "/production/db", "/");
    assertThat(screen).contains("/production/db > ")
        .contains("error: no node 'nowhere' under /; its children: local_hello, web, production");
  }

  @Test
  void ls_and_find_list_children_and_actions() throws IOException {
    String screen = session("ls", "cd web", "ls", "find /");

    assertThat(screen).contains("local_hello/  web/  production/", "deploy  fail  greet  restart  snooze")
        .contains("/production\n/production/db");
  }

  @Test
  void typing_an_action_runs_it_with_converted_arguments() throws IOException {
    String screen = session("cd web", "greet bob 1", "cd /", "web restart graceful", "web greet bob lots");

    assertThat(screen).contains("web-1 | hello bob 1", "web-2 | hello bob 1", "web-1  ok", "web-2  ok")
        .contains("web-2 | restarting graceful")
        .contains("argument 'times' must be a whole number, was 'lots'");
  }

  @Test
  void dry_run_prints_the_commands_without_running_them() throws IOException {
    String screen = session("cd web", "dry-run restart hard");

    assertThat(screen).contains("web-1 (dry-run) $ echo 'restarting hard'").doesNotContain("web-1 | restarting");
  }

  @Test
  void an_unknown_word_says_what_exists() throws IOException {
    String screen = session("deploy", "web");

    assertThat(screen).contains("error: no action 'deploy' in /; its actions: (none)")
        .contains("error: no action 'web' in / (web is a child node: cd web)");
  }

  @Test
  void inspect_shows_hosts_by_role_and_actions() throws IOException {
    String screen = session("--inspect web", "cd production", "--inspect");

    assertThat(screen).contains("Node:     /web", "  host: web-1, web-2", "  restart(mode: GRACEFUL|HARD)")
        .contains("Node:     /production", "Group:    production", "Children:\n  db/");
  }

  @Test
  void run_and_run_with_sudo_go_to_every_host_of_the_node() throws IOException {
    FakeHost web1 = FakeHost.named("web-1").when("uptime").thenOutput("up 3 days\n");
    FakeHost web2 = FakeHost.named("web-2").when("uptime").thenOutput("up 5 days\n");
    Node tree = Node.root().child("web", new Node(), roles -> roles.add("host", web1, web2));

    String screen = session(tree, "cd web", "--run uptime", "--run-with-sudo uptime");

    assertThat(screen).contains("web-1 | up 3 days", "web-2 | up 5 days");
    assertThat(web1.commands()).hasSize(2);
    assertThat(web1.recorded().get(1).context().user()).contains("root");
  }

  @Test
  void production_actions_ask_for_confirmation() throws IOException {
    String screen = session("cd production db", "migrate", "n", "migrate", "y");

    assertThat(screen).contains("Run migrate on /production/db in group production? [y/N]")
        .contains("Not confirmed: migrate was not run.")
        .containsOnlyOnce("db-1 | migrated");
  }

  @Test
  void connect_says_when_a_transport_has_no_interactive_session() throws IOException {
    Node tree = Node.root().child("web", new Node(), roles -> roles.add("host", FakeHost.named("web-1")));

    String screen = session(tree, "cd web", "--connect");

    assertThat(screen).contains("error: cannot open an interactive session on web-1: its transport (FakeTransport)"
        + " gives no interactive login");
  }

  @Test
  void connect_asks_which_host_when_the_node_has_several() throws IOException {
    Node tree = Node.root().child("web", new Node(),
        roles -> roles.add("host", FakeHost.named("web-1"), FakeHost.named("web-2")));

    String screen = session(tree, "cd web", "--connect", "2");

    assertThat(screen).contains("Connect to which host?", "  2) web-2")
        .contains("error: cannot open an interactive session on web-2");
  }

  @Test
  void the_prompt_is_coloured_by_the_group_on_an_ansi_terminal() throws IOException {
    var terminal = new DumbTerminal("test", "xterm-256color",
        new ByteArrayInputStream("cd production\n".getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
    terminal.setSize(new Size(120, 40));

    Shell.builder(ExampleTree.tree()).terminal(terminal).history(home.resolve("history")).build().run();

    assertThat(screen.toString(StandardCharsets.UTF_8)).contains("\u001b[31;1m/production\u001b[0m > ");
  }

  @Test
  void history_is_kept_in_the_file() throws IOException {
    session("cd web", "pwd", "exit");

    assertThat(Files.readString(home.resolve("history"))).contains("cd web", "pwd", "exit");
  }

  @Test
  void version_and_help() throws IOException {
    String screen = session("--version", "help");

    assertThat(screen).contains("Slipway test", "dry-run ACTION ARGS...", "--connect [HOST]");
  }

  @Test
  void completion_offers_children_actions_and_argument_values() {
    Node tree = ExampleTree.tree();
    Node[] current = {tree};
    ShellCompleter completer = new ShellCompleter(() -> current[0]);

    assertThat(complete(completer, "")).contains("cd", "--inspect", "local_hello", "web", "production");
    assertThat(complete(completer, "cd produ")).containsExactly("local_hello", "web", "production");
    assertThat(complete(completer, "cd production ")).containsExactly("db");
    assertThat(complete(completer, "cd production/d")).containsExactly("production/db/");
    assertThat(complete(completer, "--inspect /production/")).containsExactly("/production/db/");
    assertThat(complete(completer, "cd /")).containsExactly("/local_hello/", "/web/", "/production/");
    assertThat(complete(completer, "web ")).containsExactly("deploy", "fail", "greet", "restart", "snooze");
    assertThat(complete(completer, "web restart ")).containsExactly("graceful", "hard");
    current[0] = tree.find("/web").orElseThrow();
    assertThat(complete(completer, "dry-run restart h")).containsExactly("graceful", "hard");
    assertThat(complete(completer, "--connect ")).containsExactly("web-1", "web-2");
  }

  private static List<String> complete(ShellCompleter completer, String line) {
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
    return candidates.stream().map(Candidate::value).toList();
  }
}
