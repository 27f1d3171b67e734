package dev.slipway.examples.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runnable example: a dry-run plan, each command checked by this machine's sh. */
class RolesExampleTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private String plan(String path, String action, String... arguments) {
    RolesExample.plan(RolesExample.tree(), path, action, List.of(arguments),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void the_staging_plan_runs_everything_on_the_staging_machine() {
    assertThat(plan("/staging", "deploy", "v2").lines()).containsExactly(
        "== /staging deploy v2",
        "[staging] pg_dumpall --file /var/backups/postgresql/before-deploy.dump  as postgres (dry-run)",
        "[staging] git fetch --quiet --tags origin  in " + WebSystem.CODE_DIRECTORY + " (dry-run)",
        "[staging] git checkout --quiet v2 --  in " + WebSystem.CODE_DIRECTORY + " (dry-run)",
        "[staging] systemctl restart rabbitmq-server  as root (dry-run)",
        "[staging] systemctl restart gunicorn  as root (dry-run)");
  }

  @Test
  void the_production_plan_spreads_the_same_steps_over_the_machines_of_each_role() {
    List<String> lines = plan("/production", "deploy", "v2").lines().toList();

    assertThat(lines).contains(
        "[master-db] pg_dumpall --file /var/backups/postgresql/before-deploy.dump  as postgres (dry-run)",
        "[queue] systemctl restart rabbitmq-server  as root (dry-run)");
    assertThat(lines).filteredOn(line -> line.contains("git checkout")).extracting(line -> line.split("]")[0])
        .containsExactly("[web1", "[web2", "[web3", "[lb0", "[lb1", "[queue");
    assertThat(lines).filteredOn(line -> line.contains("restart gunicorn")).hasSize(3);
    assertThat(lines).noneMatch(line -> line.startsWith("[staging]") || line.startsWith("[cache]"));
  }

  @Test
  void main_prints_the_deploy_of_both_systems() {
    PrintStream console = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      RolesExample.main(new String[0]);
    } finally {
      System.setOut(console);
    }

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("== /staging deploy v2", "== /production deploy v2", "[web3] systemctl restart gunicorn");
  }
}
