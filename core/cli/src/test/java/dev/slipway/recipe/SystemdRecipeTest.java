package dev.slipway.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Operation;
import dev.slipway.release.Release;
import dev.slipway.release.ReleaseId;
import dev.slipway.release.ReleaseState;
import dev.slipway.release.source.DirectorySource;
import dev.slipway.service.SystemdService;
import dev.slipway.testing.FakeHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe served by a systemd unit: the unit's serve goes inside the switch's batch, as
 * gunicorn's does, and a unit that fails to serve switches the release back, saying why.
 */
class SystemdRecipeTest {
  private static final String DEPLOY_TO = "/opt/notes";

  @TempDir
  Path app;

  private final FakeHost web = FakeHost.named("web1");
  private final SystemdService notes = SystemdService.named("notes").build();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Recipe recipe;
  private String serve;

  @BeforeEach
  void notesRecipe() throws IOException {
    Files.writeString(app.resolve("app.py"), "print('notes')\n");
    recipe = Recipe.named("notes").source(ref -> DirectorySource.of(app).version(ref)).deployTo(DEPLOY_TO)
        .service(notes).hosts(web);
    Release any = new Release(new ReleaseId("20261202000001"), "v1", "test", Optional.empty(), "me", Instant.EPOCH,
        ReleaseState.LIVE, DEPLOY_TO + "/releases/20261202000001", Map.of());
    serve = notes.serveCommand(web, any).orElseThrow().toString();
  }

  @Test
  void the_units_serve_is_one_command_inside_the_switchs_batch() {
    web.when(serve).thenSucceed();

    assertThat(execute("deploy", "v1")).as(printed()).isEqualTo(ExitStatus.OK);

    assertThat(web.operations()).filteredOn(Operation.Exec.class::isInstance)
        .map(exec -> ((Operation.Exec) exec).command().toString()).contains(serve);
    assertThat(web.commands()).filteredOn(command -> command.contains("systemctl")).containsExactly(serve);
    assertThat(printed()).contains("web1: live v1 (release ");
  }

  @Test
  void a_unit_that_is_not_active_after_the_serve_switches_back_saying_so() {
    web.when(serve).thenSucceed();
    execute("deploy", "v1");
    String v1 = web.fs().readLink(DEPLOY_TO + "/current");
    web.when(serve).thenFail(1, "notes.service is failed after reload-or-restart, not active"
        + " (journalctl -u notes.service says why)\n");

    assertThat(execute("deploy", "v2")).as(printed()).isEqualTo(ExitStatus.SWITCHED_BACK);

    assertThat(web.fs().readLink(DEPLOY_TO + "/current")).isEqualTo(v1);
    assertThat(printed()).contains("web1: after symlink hook failed: notes.service is failed after"
        + " reload-or-restart, not active (journalctl -u notes.service says why)");
  }

  private int execute(String... args) {
    PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
    return recipe.execute(printer, printer, args);
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
