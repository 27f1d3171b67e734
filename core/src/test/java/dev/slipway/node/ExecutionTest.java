package dev.slipway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.Host;
import dev.slipway.SlipwayException;
import dev.slipway.event.CommandEvent;
import dev.slipway.event.CommandEvent.Outcome;
import dev.slipway.event.Event;
import dev.slipway.local.LocalHost;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionTest {
  private final Host web1 = ScriptedTransport.newHost("web-1");
  private final Host web2 = ScriptedTransport.newHost("web-2");
  private final List<Event> events = new CopyOnWriteArrayList<>();

  static class App extends Node {
    @Action
    public int deploy(String version, int keep) {
      hosts().run("install %s", version);
      hosts().run("cleanup --keep %s", keep);
      return keep;
    }

    @Action
    public void restart() {
      hosts().inParallel(1).run("restart");
    }
  }

  private final App app = new App();
  private final Node root = Node.root(roles -> roles.add("web", web1, web2)).child("app", app);

  @Test
  void an_action_is_invoked_by_path_and_name_with_converted_arguments() {
    Object kept = Execution.of(root).invoke("/app", "deploy", List.of("v2", "5"));

    assertThat(kept).isEqualTo(5);
    assertThat(ScriptedTransport.of(web1).commands()).containsExactly("install v2", "cleanup --keep 5");
  }

  @Test
  void unknown_nodes_actions_and_bad_arguments_are_reported() {
    Execution execution = Execution.of(root);

    assertThatThrownBy(() -> execution.invoke("/ap", "deploy", List.of()))
        .isInstanceOf(SlipwayException.class).hasMessage("no node at /ap; nodes: [/, /app]");
    assertThatThrownBy(() -> execution.invoke("/app", "deplo", List.of()))
        .hasMessage("no action 'deplo' in /app; its actions: [deploy, restart]");
    assertThatThrownBy(() -> execution.invoke("/app", "deploy", List.of("v2", "five")))
        .isInstanceOf(ActionArgumentException.class)
        .hasMessage("deploy: argument 'keep' must be a whole number, was 'five'");
    assertThatThrownBy(() -> execution.call(app, "deploy", "v2"))
        .hasMessageContaining("deploy takes 2 arguments deploy(version: String, keep: int), got 1");
    assertThatThrownBy(() -> execution.call(app, "deploy", "v2", "five"))
        .isInstanceOf(ActionArgumentException.class).hasMessageContaining("action deploy of /app takes");
    assertThatThrownBy(() -> execution.call(new App(), "restart"))
        .hasMessageContaining("is not in the tree of this execution");
  }

  @Test
  void listeners_receive_an_event_for_every_command_on_every_host() {
    Execution.builder(root).listener(events::add).build().call(app, "deploy", "v2", 3);

    assertThat(events).filteredOn(CommandEvent.class::isInstance).map(CommandEvent.class::cast)
        .extracting(CommandEvent::host, CommandEvent::command, CommandEvent::outcome)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("web-1", "install v2", Outcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("web-2", "install v2", Outcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("web-1", "cleanup --keep 3", Outcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("web-2", "cleanup --keep 3", Outcome.SUCCEEDED));
  }

  @Test
  void dry_run_checks_commands_without_running_them() {
    Execution.builder(root).dryRun(true).listener(events::add).build().call(app, "deploy", "v2", 3);

    assertThat(ScriptedTransport.of(web1).commands()).isEmpty();
    assertThat(ScriptedTransport.of(web1).syntaxChecks()).containsExactly("install v2", "cleanup --keep 3");
    assertThat(events).map(e -> ((CommandEvent) e).outcome()).containsOnly(Outcome.DRY_RUN).hasSize(4);
  }

  static class Touch extends Node {
    @Action
    public void touch(java.nio.file.Path file) {
      hosts().run("touch %s", file.toString());
    }
  }

  @Test
  void dry_run_on_a_real_shell_creates_nothing(@TempDir java.nio.file.Path dir) {
    Touch touch = new Touch();
    Node local = Node.root().child("local", touch, roles -> roles.add("host", LocalHost.create()));
    java.nio.file.Path file = dir.resolve("created by the action");

    try (Execution execution = Execution.builder(local).dryRun(true).listener(events::add).build()) {
      execution.invoke("/local", "touch", List.of(file.toString()));

      assertThat(file).doesNotExist();
      assertThat(events).map(e -> ((CommandEvent) e).outcome()).containsExactly(Outcome.DRY_RUN);

      execution.withDryRun(false).invoke("/local", "touch", List.of(file.toString()));
      assertThat(file).exists();
    }
  }

  @Test
  void dry_run_on_a_real_shell_rejects_bad_syntax() {
    Node local = Node.root(roles -> roles.add("host", LocalHost.create()));
    Hosts hosts = Execution.builder(local).dryRun(true).build().hosts(local);

    assertThatThrownBy(() -> hosts.run("echo 'unterminated")).isInstanceOf(HostFailuresException.class)
        .hasMessageContaining("failed on 1 of 1 host: local");
  }

  @Test
  void with_dry_run_gives_a_dry_run_view_of_the_same_execution() {
    Execution execution = Execution.of(root);

    execution.withDryRun(true).call(app, "restart");
    execution.call(app, "restart");

    assertThat(execution.withDryRun(true).dryRun()).isTrue();
    assertThat(ScriptedTransport.of(web2).syntaxChecks()).containsExactly("restart");
    assertThat(ScriptedTransport.of(web2).commands()).containsExactly("restart");
  }

  @Test
  void hosts_of_a_node_carry_the_execution_settings() {
    Hosts hosts = Execution.builder(root).dryRun(true).parallelism(3).build().hosts(app);

    hosts.run("uptime");

    assertThat(hosts.parallelism()).isEqualTo(3);
    assertThat(ScriptedTransport.of(web1).commands()).isEmpty();
    assertThat(ScriptedTransport.of(web1).syntaxChecks()).containsExactly("uptime");
  }

  @Test
  void run_gives_java_code_the_execution_settings() {
    Execution.builder(root).dryRun(true).build().run(() -> app.deploy("v9", 1));

    assertThat(ScriptedTransport.of(web2).commands()).isEmpty();
  }

  @Test
  void hosts_made_inside_an_action_take_the_execution_settings_too() {
    Host other = ScriptedTransport.newHost("other");

    Execution.builder(root).dryRun(true).listener(events::add).build().run(() -> Hosts.of(other).run("rm -rf /srv"));

    assertThat(ScriptedTransport.of(other).commands()).isEmpty();
    assertThat(events).hasSize(1);
  }

  @Test
  void cancel_interrupts_the_running_host_and_starts_no_other() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    ScriptedTransport.of(web1).answer(command -> {
      started.countDown();
      new CountDownLatch(1).await();  // until interrupted
      return 0;
    });
    Execution execution = Execution.builder(root).parallelism(1).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread run = new Thread(() -> {
      try {
        execution.call(app, "restart");
      } catch (Throwable e) {
        thrown.set(e);
      }
    });

    run.start();
    started.await();
    execution.cancel();
    run.join();

    assertThat(thrown.get()).isInstanceOfSatisfying(ExecutionCancelledException.class, e -> {
      assertThat(e.hosts()).containsExactly("web-1", "web-2");
      assertThat(e).hasMessageContaining("web-1: cancelled while running")
          .hasMessageContaining("web-2: cancelled before it started");
    });
    assertThat(ScriptedTransport.of(web2).commands()).isEmpty();
    assertThat(execution.cancelled()).isTrue();
  }

  @Test
  void cancel_kills_a_command_running_on_a_real_shell(@TempDir java.nio.file.Path dir) throws InterruptedException {
    java.nio.file.Path marker = dir.resolve("finished");
    Node local = Node.root(roles -> roles.add("host", LocalHost.create()));
    CountDownLatch started = new CountDownLatch(1);
    Execution execution = Execution.builder(local)
        .listener(event -> started.countDown())
        .build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread run = new Thread(() -> {
      try {
        execution.run(() -> local.hosts().run("echo started; sleep 30 && touch %s", marker.toString()));
      } catch (Throwable e) {
        thrown.set(e);
      }
    });

    run.start();
    started.await();
    execution.cancel();
    run.join();

    assertThat(thrown.get()).isInstanceOf(ExecutionCancelledException.class);
    assertThat(marker).doesNotExist();
  }

  @Test
  void a_cancelled_execution_starts_nothing() {
    Execution execution = Execution.of(root);
    execution.cancel();

    assertThatThrownBy(() -> execution.call(app, "restart")).isInstanceOf(ExecutionCancelledException.class);
    assertThat(ScriptedTransport.of(web1).commands()).isEmpty();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void closing_closes_every_host_of_the_tree_once() {
    Node tree = Node.root(roles -> roles.add("web", web1, web2).add("all", web1))
        .child("app", new App())
        .child("other", new App(), roles -> roles.map("host", "web"));

    Execution execution = Execution.of(tree);
    execution.close();
    execution.withDryRun(true).close();

    assertThat(ScriptedTransport.of(web1).closeCount()).isEqualTo(1);
    assertThat(ScriptedTransport.of(web2).closeCount()).isEqualTo(1);
  }

  @Test
  void building_an_execution_checks_the_tree() {
    Node tree = Node.root().child("app", new App(), roles -> roles.map("host", "web"));

    assertThatThrownBy(() -> Execution.of(tree)).isInstanceOf(InvalidTreeException.class);
  }
}
