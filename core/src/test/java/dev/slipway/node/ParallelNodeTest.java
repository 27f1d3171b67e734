package dev.slipway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.Host;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelNodeTest {
  private final List<Host> web = List.of(ScriptedTransport.newHost("web-1"), ScriptedTransport.newHost("web-2"),
      ScriptedTransport.newHost("web-3"));
  private final Host db = ScriptedTransport.newHost("db-1");

  static class WebServer extends ParallelNode {
    final CountDownLatch allStarted = new CountDownLatch(3);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    @Action
    public String deploy(String commit) {
      host().run("git checkout %s", commit);
      return host().name() + " sees " + hosts().filter("host").names() + " and db " + hosts().filter("db").names();
    }

    @Action
    public boolean together() throws InterruptedException {
      allStarted.countDown();
      return allStarted.await(10, TimeUnit.SECONDS);
    }

    @Action
    public void register() {
      hosts().filter("db").run("register %s", host().name());
    }

    @Action
    public void count() {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      host().run("work");
      running.decrementAndGet();
    }

    @Action
    @IsolateOneOnly
    public String dbshell() {
      host().run("psql");
      return host().name();
    }

    @Action
    public void fail() {
      if (!host().name().equals("web-2")) {
        host().run("false");
      }
    }
  }

  private WebServer webServers() {
    WebServer node = new WebServer();
    Node.root(roles -> roles.add("web", web).add("db", db))
        .child("web", node, roles -> roles.map("host", "web").map("db", "db"));
    return node;
  }

  @Test
  void an_action_runs_once_per_host_each_seeing_only_its_own() {
    WebServer node = webServers();

    try (Execution execution = Execution.of(node.rootNode())) {
      HostResults<?> results = (HostResults<?>) execution.invoke("/web", "deploy", List.of("abc123"));

      assertThat(results.hosts()).containsExactly("web-1", "web-2", "web-3");
      assertThat(results.get("web-2")).isEqualTo("web-2 sees [web-2] and db [db-1]");
    }
    web.forEach(host -> assertThat(ScriptedTransport.of(host).commands()).containsExactly("git checkout abc123"));
  }

  @Test
  void an_isolation_still_reaches_the_other_roles() {
    WebServer node = webServers();

    Execution.of(node).call(node, "register");

    assertThat(ScriptedTransport.of(db).commands())
        .containsExactlyInAnyOrder("register web-1", "register web-2", "register web-3");
  }

  @Test
  void isolations_run_in_parallel() {
    WebServer node = webServers();

    HostResults<?> results = (HostResults<?>) Execution.of(node.rootNode()).call(node, "together");

    assertThat(results.stream().map(r -> (Object) r.value())).containsOnly(true);
  }

  @Test
  void isolations_respect_the_parallelism() {
    WebServer node = webServers();

    Execution.builder(node).parallelism(1).build().call(node, "count");

    assertThat(node.mostAtOnce).hasValue(1);
    web.forEach(host -> assertThat(ScriptedTransport.of(host).commands()).containsExactly("work"));
  }

  @Test
  void isolate_one_only_runs_on_the_first_host_by_default() {
    WebServer node = webServers();

    Object result = Execution.of(node).call(node, "dbshell");

    assertThat(result).isEqualTo("web-1");
    assertThat(ScriptedTransport.of(web.get(0)).commands()).containsExactly("psql");
    assertThat(ScriptedTransport.of(web.get(1)).commands()).isEmpty();
  }

  @Test
  void isolate_one_only_runs_on_the_chosen_host() {
    WebServer node = webServers();
    Execution execution = Execution.builder(node)
        .chooseHost((parallel, action, candidates) -> candidates.host("web-3"))
        .build();

    assertThat(execution.call(node, "dbshell")).isEqualTo("web-3");
    assertThat(ScriptedTransport.of(web.get(2)).commands()).containsExactly("psql");
  }

  @Test
  void failures_in_isolations_are_reported_per_host() {
    WebServer node = webServers();
    web.forEach(host -> ScriptedTransport.of(host).answer(command -> command.equals("false") ? 1 : 0));

    HostFailuresException failure = catchThrowableOfType(HostFailuresException.class,
        () -> Execution.of(node).call(node, "fail"));

    assertThat(failure).hasMessageStartingWith("/web fail failed on 2 of 3 hosts: web-1, web-3");
    assertThat(failure.results().succeeded()).extracting(HostResult::host).containsExactly("web-2");
  }

  @Test
  void called_from_java_an_action_is_wrapped_per_host() {
    WebServer node = webServers();

    HostResults<String> each = node.onEachHost(() -> node.deploy("v2"));
    String one = node.onHost("web-2", () -> node.deploy("v3"));

    assertThat(each.values()).hasSize(3);
    assertThat(one).startsWith("web-2 sees [web-2]");
    assertThat(ScriptedTransport.of(web.get(1)).commands()).containsExactly("git checkout v2", "git checkout v3");
    assertThatThrownBy(() -> node.onHost("web-9", () -> "x")).hasMessageContaining("no host web-9 in /web");
  }

  @Test
  void host_outside_an_isolation_needs_a_single_host() {
    WebServer several = webServers();
    WebServer single = new WebServer();
    single.roles(roles -> roles.add("host", db));

    assertThatThrownBy(several::host)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/web has 3 hosts [web-1, web-2, web-3] and no isolation is running");
    assertThat(single.host().name()).isEqualTo("db-1");
  }

  @Test
  void a_parallel_node_needs_a_host_role() {
    Node root = Node.root(roles -> roles.add("web", web)).child("web", new WebServer());

    assertThatThrownBy(root::build).hasMessageContaining(
        "/web: a ParallelNode isolates on role 'host', but it has roles [web]; map one");
  }
}
