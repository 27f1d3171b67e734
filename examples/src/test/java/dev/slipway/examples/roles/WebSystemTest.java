package dev.slipway.examples.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.event.CommandEvent;
import dev.slipway.node.Execution;
import dev.slipway.node.HostFailuresException;
import dev.slipway.node.HostResults;
import dev.slipway.node.Node;
import dev.slipway.testing.FakeHost;
import dev.slipway.testing.RecordedCommand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The roles example on fake hosts: which host runs what, for one staging machine and a production farm. */
class WebSystemTest {
  private static final String REPOSITORY = "https://git.example.com/websystem.git";

  private final FakeHost staging = FakeHost.named("staging").lenient();
  private final FakeHost lb0 = FakeHost.named("lb0").lenient();
  private final FakeHost lb1 = FakeHost.named("lb1").lenient();
  private final FakeHost web1 = FakeHost.named("web1").lenient();
  private final FakeHost web2 = FakeHost.named("web2").lenient();
  private final FakeHost web3 = FakeHost.named("web3").lenient();
  private final FakeHost masterDb = FakeHost.named("master-db").lenient();
  private final FakeHost slaveDb = FakeHost.named("slave-db").lenient();
  private final FakeHost queue = FakeHost.named("queue").lenient();
  private final FakeHost cache = FakeHost.named("cache").lenient();

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private final Node root = WebSystem.tree(REPOSITORY, Topology.oneHost(staging), Topology.builder()
      .loadBalancers(lb0, lb1).web(web1, web2, web3)
      .masterDb(masterDb).slaveDbs(slaveDb).queue(queue).cache(cache)
      .build());

  private void invoke(String path, String action, String... arguments) {
    try (Execution execution = execution()) {
      execution.invoke(path, action, List.of(arguments));
    }
  }

  private Execution execution() {
    return Execution.builder(root).listener(event -> {
      if (event instanceof CommandEvent command) {
        log.add(command.host() + ": " + command.command());
      }
    }).build();
  }

  private List<String> hostNames(String path) {
    try (Execution execution = execution()) {
      return execution.hosts(root.find(path).orElseThrow()).names();
    }
  }

  @Test
  void each_child_of_production_gets_the_hosts_of_the_roles_it_maps() {
    assertThat(hostNames("/production/web")).containsExactly("web1", "web2", "web3");
    assertThat(hostNames("/production/cache")).containsExactly("cache");
    assertThat(hostNames("/production/queue")).containsExactly("queue");
    assertThat(hostNames("/production/load_balancer")).containsExactly("lb0", "lb1");
    assertThat(hostNames("/production/database")).containsExactly("master-db", "slave-db");
    assertThat(hostNames("/production/git")).containsExactly("web1", "web2", "web3", "lb0", "lb1", "queue");
  }

  @Test
  void on_staging_every_child_has_the_one_machine_once() {
    Stream.of("web", "cache", "queue", "load_balancer", "database", "git")
        .forEach(child -> assertThat(hostNames("/staging/" + child)).as(child).containsExactly("staging"));
  }

  @Test
  void production_deploy_backs_up_on_the_master_checks_out_where_the_code_runs_and_restarts_web_one_by_one() {
    invoke("/production", "deploy", "v2");

    assertThat(masterDb.commands()).containsExactly("pg_dumpall --file /var/backups/postgresql/before-deploy.dump");
    assertThat(masterDb.recorded().get(0).context().user()).contains("postgres");
    for (FakeHost codeHost : List.of(web1, web2, web3, lb0, lb1, queue)) {
      assertThat(codeHost.commands()).as(codeHost.name())
          .startsWith("git fetch --quiet --tags origin", "git checkout --quiet v2 --");
      assertThat(codeHost.recorded().get(1).context().directory()).contains(WebSystem.CODE_DIRECTORY);
    }
    assertThat(queue.commands()).endsWith("systemctl restart rabbitmq-server");
    assertThat(log).filteredOn(line -> line.contains("restart gunicorn"))
        .containsExactly("web1: systemctl restart gunicorn", "web2: systemctl restart gunicorn",
            "web3: systemctl restart gunicorn");
    assertThat(slaveDb.commands()).isEmpty();
    assertThat(cache.commands()).isEmpty();
    assertThat(lb0.commands()).hasSize(2);
    assertThat(staging.commands()).isEmpty();
  }

  @Test
  void staging_deploy_runs_the_same_steps_on_its_one_machine() {
    invoke("/staging", "deploy", "v2");

    assertThat(staging.commands()).containsExactly(
        "pg_dumpall --file /var/backups/postgresql/before-deploy.dump",
        "git fetch --quiet --tags origin",
        "git checkout --quiet v2 --",
        "systemctl restart rabbitmq-server",
        "systemctl restart gunicorn");
    assertThat(Stream.of(web1, masterDb, queue, cache)).allMatch(host -> host.commands().isEmpty());
  }

  @Test
  void services_run_through_sudo_as_root_back_ends_first_on_start() {
    invoke("/staging", "start");

    assertThat(staging.commands()).containsExactly("systemctl start postgresql", "systemctl start redis-server",
        "systemctl start rabbitmq-server", "systemctl start gunicorn", "systemctl start haproxy");
    assertThat(staging.recorded()).extracting(RecordedCommand::context)
        .allSatisfy(context -> assertThat(context.user()).contains("root"));
  }

  @Test
  void a_service_action_runs_on_its_role_only() {
    invoke("/production/database", "stop");

    assertThat(masterDb.commands()).containsExactly("systemctl stop postgresql");
    assertThat(slaveDb.commands()).containsExactly("systemctl stop postgresql");
    assertThat(Stream.of(web1, lb0, queue, cache, staging)).allMatch(host -> host.commands().isEmpty());
  }

  @Test
  void a_web_server_that_fails_to_restart_stops_the_rolling_restart_and_is_named() {
    web2.when("systemctl restart gunicorn").thenFail(1, "Job for gunicorn.service failed");

    HostFailuresException failure = catchThrowableOfType(HostFailuresException.class,
        () -> invoke("/production/web", "restart"));

    assertThat(failure.failures()).containsOnlyKeys("web2");
    assertThat(failure.hosts()).containsExactly("web2", "web3");
    assertThat(failure).hasMessageContaining("Job for gunicorn.service failed");
    assertThat(web1.commands()).containsExactly("systemctl restart gunicorn");
    assertThat(web3.commands()).isEmpty();
  }

  @Test
  void status_reports_each_host_of_the_service() {
    cache.when("systemctl is-active redis-server").thenReturn(3, "inactive\n", "");

    try (Execution execution = execution()) {
      HostResults<?> status = (HostResults<?>) execution.invoke("/production/cache", "status", List.of());

      assertThat(status.get("cache")).isEqualTo("inactive");
    }
  }

  @Test
  void a_topology_without_a_web_host_is_refused_naming_the_role() {
    assertThatThrownBy(() -> Topology.builder().loadBalancers(lb0).masterDb(masterDb).queue(queue).cache(cache)
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one host in role 'web'");
  }
}
