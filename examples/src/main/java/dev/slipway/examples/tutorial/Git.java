package dev.slipway.examples.tutorial;

import dev.slipway.Command;
import dev.slipway.node.Action;
import dev.slipway.node.ActionArgumentException;
import dev.slipway.node.HostResults;
import dev.slipway.node.Node;
import dev.slipway.node.Required;
import dev.slipway.node.Requirements;

/**
 * A working copy of a git repository on every host of the node, driven by the {@code git} command
 * on the host (python-deployer tutorial's reusable {@code Git} node). Fill in the settings in a
 * subclass or fluently:
 *
 * <pre>{@code
 * class ShopGit extends Git {
 *   { repository = "https://git.example.com/shop.git"; projectDirectory = "/srv/shop/code"; }
 * }
 * Git git = new Git().repository("https://git.example.com/shop.git").projectDirectory("/srv/shop/code");
 * }</pre>
 *
 * Paths are absolute: {@code ~} is quoted like every other value, so it is not expanded.
 */
public class Git extends Node {
  /** Where to clone from. */
  @Required("the URL of the repository to clone")
  protected String repository;

  /** The absolute directory of the working copy on each host. */
  @Required("the absolute directory to clone into")
  protected String projectDirectory;

  /** The branch checked out by {@link #cloneRepository()}; empty for the repository's default branch. */
  protected String branch = "";

  /** Sets {@link #repository}. Returns this node. */
  public Git repository(String url) {
    this.repository = url;
    return this;
  }

  /** Sets {@link #projectDirectory}. Returns this node. */
  public Git projectDirectory(String directory) {
    this.projectDirectory = directory;
    return this;
  }

  /** Sets {@link #branch}. Returns this node. */
  public Git branch(String name) {
    this.branch = name;
    return this;
  }

  /** The absolute directory of the working copy. */
  public String projectDirectory() {
    return projectDirectory;
  }

  @Override
  protected void requires(Requirements requirements) {
    requirements.check("projectDirectory", projectDirectory == null || projectDirectory.startsWith("/"),
        "must be an absolute path (~ is not expanded), was " + projectDirectory);
  }

  @Action(description = "Install the git package (apt-get, as root)")
  public void install() {
    hosts().sudo().run("apt-get install -y git");
  }

  @Action(name = "clone", description = "Clone the repository into the project directory (once)")
  public void cloneRepository() {
    hosts().each(host -> {
      if (!host.exists(projectDirectory + "/.git")) {
        host.run(branch.isBlank()
            ? Command.cmd("git", "clone", "--quiet", "--", repository, projectDirectory)
            : Command.cmd("git", "clone", "--quiet", "--branch", branch, "--", repository, projectDirectory));
      }
    });
  }

  @Action(description = "Fetch new commits and tags from the repository")
  public void fetch() {
    hosts().cd(projectDirectory).run("git fetch --quiet --tags origin");
  }

  @Action(description = "Check out a commit, tag or branch (after cloning)")
  public void checkout(String commit) {
    if (commit.isBlank() || commit.startsWith("-")) {
      throw new ActionArgumentException("checkout: '" + commit + "' is not a commit, tag or branch name");
    }
    hosts().cd(projectDirectory).run("git checkout --quiet %s --", commit);
  }

  @Action(description = "Show the checked-out version on each host (git describe)")
  public HostResults<String> describe() {
    return hosts().cd(projectDirectory).map("git describe", host -> host.capture("git describe --tags --always"));
  }
}
