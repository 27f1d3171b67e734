package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.terminal.ExitCode;
import dev.slipway.cli.Slipway;
import dev.slipway.inventory.Environment;
import dev.slipway.local.LocalHost;
import dev.slipway.node.Action;
import dev.slipway.node.Node;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program whose tree comes from the inventory environment chosen on the command line. */
class InventoryLauncherTest {
  @TempDir
  Path dir;

  private Path inventory;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  static class Greeter extends Node {
    private final String greeting;

    Greeter(String greeting) {
      this.greeting = greeting;
    }

    @Action
    public void greet() {
      hosts().run("echo %s", greeting);
    }
  }

  /** Every host of the environment runs on this machine under its inventory name. */
  private static final Function<Environment, Node> TREE = environment -> Node.root()
      .child("app", new Greeter(environment.vars().getOrDefault("greeting", String.class, "hello")),
          roles -> roles.add("host", environment.hosts().stream().map(host -> LocalHost.named(host.name())).toList()));

  @BeforeEach
  void writeInventory() throws IOException {
    inventory = dir.resolve("hosts.ini");
    Files.writeString(inventory, String.join("\n",
        "[staging]", "stage-1", "", "[prod]", "prod-1", "prod-2", "", "[prod:vars]", "greeting=good-morning", ""));
  }

  private int launch(String... args) {
    return Slipway.run(TREE, args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void the_environment_selects_the_hosts_and_variables() {
    assertThat(launch("run", "--inventory", inventory.toString(), "--env", "prod", "/app", "greet"))
        .isEqualTo(ExitCode.OK);

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("prod-1 | good-morning", "prod-2 | good-morning")
        .doesNotContain("stage-1");
  }

  @Test
  void extra_variables_override_the_inventory() {
    assertThat(launch("run", "--inventory", inventory.toString(), "--env", "prod", "-e", "greeting=hi", "/app", "greet"))
        .isEqualTo(ExitCode.OK);

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("prod-1 | hi");
  }

  @Test
  void inspect_shows_the_environment_hosts() {
    assertThat(launch("inspect", "--inventory", inventory.toString(), "--env", "staging", "/app")).isEqualTo(ExitCode.OK);

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("  host: stage-1");
  }

  @Test
  void without_an_action_the_shell_opens_on_the_environment_tree() throws IOException {
    byte[] keys = "cd app\n--inspect\ngreet\nexit\n".getBytes(StandardCharsets.UTF_8);
    Terminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(keys), out, StandardCharsets.UTF_8);
    Launcher launcher = Launcher.builder(TREE).terminal(() -> Optional.of(terminal)).history(dir.resolve("history"))
        .streams(new ByteArrayInputStream(new byte[0]), out, err).build();

    assertThat(launcher.run("--inventory", inventory.toString(), "--env", "prod", "-e", "greeting=hi")).isEqualTo(ExitCode.OK);

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("  host: prod-1, prod-2", "prod-1 | hi", "prod-2 | hi")
        .doesNotContain("stage-1");
  }

  @Test
  void an_inventory_directory_brings_its_group_vars() throws IOException {
    Path directory = Files.createDirectories(dir.resolve("inventory"));
    Files.move(inventory, directory.resolve("hosts.ini"));
    Files.createDirectories(directory.resolve("group_vars"));
    Files.writeString(directory.resolve("group_vars/staging.yml"), "greeting: hello-from-group-vars\n");

    assertThat(launch("run", "--inventory", directory.toString(), "--env", "staging", "/app", "greet"))
        .isEqualTo(ExitCode.OK);

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("stage-1 | hello-from-group-vars").doesNotContain("prod-1");
  }

  @Test
  void an_unknown_environment_exits_2_naming_the_groups() {
    assertThat(launch("run", "--inventory", inventory.toString(), "--env", "qa", "/app", "greet")).isEqualTo(ExitCode.USAGE);

    assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
        .contains("error: no environment qa in ", "groups are: ", "staging", "prod");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void an_extra_variable_without_a_value_exits_2() {
    assertThat(launch("run", "--inventory", inventory.toString(), "-e", "greeting", "/app", "greet"))
        .isEqualTo(ExitCode.USAGE);

    assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1).contains("-e expects key=value");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void a_missing_inventory_is_a_usage_error() {
    assertThat(launch("run", "/app", "greet")).isEqualTo(ExitCode.USAGE);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("give --inventory FILE (and --env NAME)");
  }

  @Test
  void a_tree_defined_in_code_refuses_inventory_options() {
    int exit = Slipway.run(Node.root(), new String[] {"list", "--env", "prod"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("this one defines its hosts in code");
  }
}
