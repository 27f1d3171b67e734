package dev.slipway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.ConnectionFailedException;
import dev.slipway.Host;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostsTest {

  private static List<Host> hosts(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> ScriptedTransport.newHost("web-" + i)).toList();
  }

  @Test
  void run_goes_to_every_host_and_returns_results_in_host_order() {
    List<Host> web = hosts(3);
    CountDownLatch lastFinished = new CountDownLatch(1);
    // web-1 finishes last: it waits until web-3 is done.
    ScriptedTransport.of(web.get(0)).answer(command -> lastFinished.await(10, TimeUnit.SECONDS) ? 0 : 99);
    ScriptedTransport.of(web.get(2)).answer(command -> {
      lastFinished.countDown();
      return 0;
    });

    HostResults<CommandResult> results = Hosts.of("web", web).inParallel(3).run("echo %s", "hello world");

    assertThat(results.hosts()).containsExactly("web-1", "web-2", "web-3");
    assertThat(results.get("web-1").stdout()).isEqualTo("out of echo 'hello world'\n");
    assertThat(results.allSucceeded()).isTrue();
    web.forEach(host -> assertThat(ScriptedTransport.of(host).commands()).containsExactly("echo 'hello world'"));
  }

  @Test
  void no_more_hosts_than_the_limit_run_at_once() throws InterruptedException {
    int limit = 2;
    List<Host> web = hosts(6);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    Semaphore entered = new Semaphore(0);
    Semaphore mayFinish = new Semaphore(0);
    web.forEach(host -> ScriptedTransport.of(host).answer(command -> {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      entered.release();
      mayFinish.acquire();
      running.decrementAndGet();
      return 0;
    }));

    Thread run = new Thread(() -> Hosts.of("web", web).inParallel(limit).run("deploy"));
    run.start();
    // Let `limit` hosts in, then let one finish each time another one starts.
    assertThat(entered.tryAcquire(limit, 10, TimeUnit.SECONDS)).isTrue();
    for (int i = limit; i < web.size(); i++) {
      mayFinish.release();
      assertThat(entered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    }
    mayFinish.release(limit);
    run.join();

    assertThat(mostAtOnce).hasValue(limit);
  }

  @Test
  void every_failing_host_is_reported_with_its_reason() {
    List<Host> web = hosts(3);
    ScriptedTransport.of(web.get(0)).answer(command -> 3);
    ScriptedTransport.of(web.get(2)).answer(command -> {
      throw new ConnectionFailedException("web-3", "web-3: connection refused by 10.0.0.3:22");
    });

    HostFailuresException failure = catchThrowableOfType(HostFailuresException.class,
        () -> Hosts.of("web", web).run("restart"));

    assertThat(failure).hasMessageStartingWith("restart failed on 2 of 3 hosts: web-1, web-3\n")
        .hasMessageContaining("  web-1: Command failed on web-1 (exit status 3): restart")
        .hasMessageContaining("failed: restart")
        .hasMessageContaining("  web-3: web-3: connection refused by 10.0.0.3:22");
    assertThat(failure.hosts()).containsExactly("web-1", "web-3");
    assertThat(failure.failures().get("web-1")).isInstanceOf(CommandFailedException.class);
    assertThat(failure.failures().get("web-3")).isInstanceOf(ConnectionFailedException.class);
    assertThat(failure.getCause()).isSameAs(failure.failures().get("web-1"));
    assertThat(failure.getSuppressed()).containsExactly(failure.failures().get("web-3"));
    assertThat(failure.results().succeeded()).extracting(HostResult::host).containsExactly("web-2");
  }

  @Test
  void execute_reports_failures_without_throwing() {
    List<Host> web = hosts(2);
    ScriptedTransport.of(web.get(1)).answer(command -> 1);

    HostResults<CommandResult> results = Hosts.of("web", web).execute(Command.shell("test -f /etc/app.conf"));

    assertThat(results.succeeded()).extracting(HostResult::host).containsExactly("web-1");
    assertThat(results.failures()).extracting(HostResult::host).containsExactly("web-2");
    assertThat(results.result("web-2").failure()).isInstanceOf(CommandFailedException.class);
    assertThatThrownBy(() -> results.get("web-2")).isInstanceOf(HostFailuresException.class)
        .hasMessageStartingWith("result of web-2 failed on 1 of 1 host: web-2");
  }

  @Test
  void a_command_allowed_to_fail_counts_as_a_result() {
    List<Host> web = hosts(2);
    ScriptedTransport.of(web.get(1)).answer(command -> 1);

    HostResults<CommandResult> results = Hosts.of("web", web).run(Command.shell("grep -q x f").allowFailure());

    assertThat(results.get("web-2").exitStatus()).isEqualTo(1);
  }

  @Test
  void in_sequence_stops_at_the_first_failure() {
    List<Host> web = hosts(3);
    ScriptedTransport.of(web.get(1)).answer(command -> 1);

    HostFailuresException failure = catchThrowableOfType(HostFailuresException.class,
        () -> Hosts.of("web", web).inSequence().run("migrate"));

    assertThat(failure.hosts()).containsExactly("web-2", "web-3");
    assertThat(failure).hasMessageContaining("web-3: not run: an earlier host failed");
    assertThat(failure.results().result("web-3").status()).isEqualTo(HostResult.Status.SKIPPED);
    assertThat(ScriptedTransport.of(web.get(2)).commands()).isEmpty();
  }

  @Test
  void map_returns_each_hosts_value_and_each_runs_a_task_per_host() {
    Hosts web = Hosts.of("web", hosts(3));

    HostResults<String> names = web.map(host -> host.name().toUpperCase());
    AtomicInteger visits = new AtomicInteger();
    web.each(host -> visits.incrementAndGet());

    assertThat(names.values()).containsExactly("WEB-1", "WEB-2", "WEB-3");
    assertThat(visits).hasValue(3);
  }

  @Test
  void a_failing_task_is_reported_per_host() {
    Hosts web = Hosts.of("web", hosts(2));

    assertThatThrownBy(() -> web.map("health check", host -> {
      throw new IllegalStateException(host.name() + " is unhealthy");
    })).isInstanceOf(HostFailuresException.class)
        .hasMessageContaining("health check failed on 2 of 2 hosts: web-1, web-2")
        .hasMessageContaining("web-1: IllegalStateException: web-1 is unhealthy")
        .hasMessageContaining("web-2: IllegalStateException: web-2 is unhealthy");
  }

  @Test
  void hosts_are_picked_by_name_or_first() {
    Hosts web = Hosts.of("web", hosts(2));

    assertThat(web.any().name()).isEqualTo("web-1");
    assertThat(web.host("web-2").name()).isEqualTo("web-2");
    assertThatThrownBy(() -> web.host("web-9")).hasMessageContaining("hosts: [web-1, web-2]");
    assertThatThrownBy(() -> Hosts.of("web", List.of()).any()).hasMessageContaining("no hosts here");
  }

  @Test
  void views_apply_to_every_host() {
    Hosts web = Hosts.of("web", hosts(2)).cd("/srv/app").env("MODE", "prod").sudo();

    assertThat(web.list()).allSatisfy(host -> {
      assertThat(host.context().directory()).contains("/srv/app");
      assertThat(host.context().env()).containsEntry("MODE", "prod");
      assertThat(host.context().user()).contains("root");
    });
  }

  @Test
  void parallelism_is_at_least_one() {
    assertThatThrownBy(() -> Hosts.of(hosts(1).get(0)).inParallel(0))
        .hasMessage("parallelism must be >= 1, was 0");
  }
}
