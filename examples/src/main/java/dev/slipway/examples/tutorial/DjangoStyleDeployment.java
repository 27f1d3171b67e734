package dev.slipway.examples.tutorial;

import dev.slipway.Command;
import dev.slipway.node.Action;
import dev.slipway.node.HostResults;
import dev.slipway.node.Hosts;
import dev.slipway.node.Node;
import dev.slipway.node.Required;
import java.util.ArrayList;
import java.util.List;

/**
 * python-deployer tutorial's reusable {@code DjangoDeployment}: a web project composed of a
 * {@link Git} working copy (child {@code git}) and a {@link VirtualEnv} (child {@code virtualenv}),
 * with actions to set it up, deploy a commit, run management commands, show its status and restart
 * the app server. It knows no hosts and no project: a subclass fills in the settings of the parts,
 * as the tutorial's {@code git__project_directory = ...} does, and its own:
 *
 * <pre>{@code
 * class Shop extends DjangoStyleDeployment {
 *   Shop() {
 *     git.repository("https://git.example.com/shop.git").projectDirectory("/srv/shop/code");
 *     virtualEnv.location("/srv/shop/venv").requirementsFiles("/srv/shop/code/requirements.txt");
 *     restartCommand = "sudo systemctl restart shop";
 *   }
 * }
 * Node root = Node.root().child("shop", new Shop(), roles -> roles.add("host", webHost));
 * }</pre>
 *
 * A forgotten setting (here or in a part) fails when the tree is built, naming the node path and
 * the setting, e.g. {@code /shop/git: required setting 'repository' ... is not set}.
 */
public class DjangoStyleDeployment extends Node {
  /** The working copy; fill in its settings in the subclass. */
  protected final Git git = new Git();

  /** The environment the project runs in; fill in its settings in the subclass. */
  protected final VirtualEnv virtualEnv = new VirtualEnv();

  /** The shell line that restarts the app server, run in the project directory inside the virtualenv. */
  @Required("the shell line that restarts the app server, e.g. sudo systemctl restart shop")
  protected String restartCommand;

  /** A shell line whose output tells how the app server is doing; empty for none. */
  protected String statusCommand = "";

  /** The management script in the project directory. */
  protected String managementScript = "manage.py";

  /** Management commands every deploy runs, in order, before the restart. */
  protected List<String> deployCommands = List.of("migrate --noinput");

  /** Where the host-specific settings go, relative to the project directory. */
  protected String settingsFile = "local_settings.py";

  /** The content of {@link #settingsFile}; empty for none. */
  protected String localSettings = "";

  /** The project with its two parts as children {@code git} and {@code virtualenv}. */
  public DjangoStyleDeployment() {
    child("git", git);
    child("virtualenv", virtualEnv);
  }

  @Action(description = "First install: clone, create the virtualenv with its requirements, upload the settings")
  public void setup() {
    git.cloneRepository();
    virtualEnv.setupEnv();
    uploadSettings();
  }

  @Action(description = "Check out a commit or tag, install its requirements, migrate and restart")
  public void deploy(String commit) {
    git.fetch();
    git.checkout(commit);
    virtualEnv.installRequirements();
    uploadSettings();
    deployCommands.forEach(this::runManagementCommand);
    restart();
  }

  @Action(description = "Write the host-specific settings file into the project directory")
  public void uploadSettings() {
    if (!localSettings.isEmpty()) {
      hosts().cd(git.projectDirectory()).each(host -> host.write(settingsFile, localSettings));
    }
  }

  @Action(description = "Run a management command in the virtualenv, e.g. 'migrate --noinput'")
  public void runManagementCommand(String command) {
    List<Object> args = new ArrayList<>(List.of(managementScript));
    args.addAll(List.of(command.strip().split("\\s+")));
    inProject().run(Command.cmd("python", args.toArray()));
  }

  @Action(description = "Restart the app server")
  public void restart() {
    inProject().run(Command.shell(restartCommand));
  }

  @Action(description = "Show the version checked out on each host and how its app server is doing")
  public HostResults<String> status() {
    HostResults<String> versions = git.describe();
    return inProject().map("status", host -> versions.get(host.name())
        + (statusCommand.isBlank() ? "" : ", " + host.run(Command.shell(statusCommand)).output()));
  }

  /** The hosts, in the project directory with the virtualenv active. */
  protected Hosts inProject() {
    return virtualEnv.activated().cd(git.projectDirectory());
  }
}
