package dev.slipway.examples.roles;

import static dev.slipway.examples.Launched.launch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.terminal.ExitCode;
import dev.slipway.examples.Launched;
import org.junit.jupiter.api.Test;

/**
 * The roles tree behind the launcher, non-interactive: listed, dry-run, and run for real, where
 * the machines, being dry-run views of this one, still only print their commands.
 */
class RolesShellTest {

  @Test
  void list_shows_both_systems_with_their_groups_and_actions() {
    Launched list = launch(RolesExample.tree(), "list");

    assertThat(list.exit()).as(list.err()).isEqualTo(ExitCode.OK);
    assertThat(list.out()).contains("  staging/  [staging]", "  production/  [production]",
        "    deploy(commit: String)  Back up the database, check out a commit everywhere, restart queue and web servers",
        "    database/", "      backup()   Dump every database on the master before a deploy changes the schema");
  }

  @Test
  void run_dry_run_prints_the_staging_deploy_on_the_staging_machine() {
    Launched deploy = launch(RolesExample.tree(), "run", "--dry-run", "/staging", "deploy", "v2");

    assertThat(deploy.exit()).as(deploy.err()).isEqualTo(ExitCode.OK);
    assertThat(deploy.out().lines()).startsWith(
        "staging (dry-run) $ pg_dumpall --file /var/backups/postgresql/before-deploy.dump",
        "staging (dry-run) $ git fetch --quiet --tags origin",
        "staging (dry-run) $ git checkout --quiet v2 --",
        "staging (dry-run) $ systemctl restart rabbitmq-server",
        "staging (dry-run) $ systemctl restart gunicorn");
    assertThat(deploy.out()).containsPattern("staging  ok      5 commands  \\d+\\.\\d s");
  }

  @Test
  void production_needs_yes_and_then_still_runs_nothing_on_this_machine() {
    Launched refused = launch(RolesExample.tree(), "run", "--non-interactive", "/production/web", "restart");
    assertThat(refused.exit()).isEqualTo(ExitCode.REFUSED);
    assertThat(refused.err()).contains("Refused: Run restart on /production/web in group production needs a"
        + " confirmation; add --yes");
    assertThat(refused.out()).doesNotContain("systemctl");

    Launched confirmed = launch(RolesExample.tree(), "run", "--non-interactive", "--yes", "/production/web", "restart");
    assertThat(confirmed.exit()).as(confirmed.err()).isEqualTo(ExitCode.OK);
    assertThat(confirmed.out()).contains("web1 (dry-run) $ systemctl restart gunicorn",
        "web2 (dry-run) $ systemctl restart gunicorn", "web3 (dry-run) $ systemctl restart gunicorn");
  }

  @Test
  void a_bad_path_is_a_usage_error() {
    Launched bad = launch(RolesExample.tree(), "run", "/production/nginx", "restart");

    assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("/production/nginx");
  }
}
