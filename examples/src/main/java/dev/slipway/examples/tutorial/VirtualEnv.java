package dev.slipway.examples.tutorial;

import dev.slipway.Command;
import dev.slipway.node.Action;
import dev.slipway.node.Hosts;
import dev.slipway.node.Node;
import dev.slipway.node.Required;
import dev.slipway.node.Requirements;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python virtualenv on every host of the node (python-deployer tutorial's reusable
 * {@code VirtualEnv} node): create it, install packages and requirements files into it, run
 * commands inside it. Fill in the settings in a subclass or fluently:
 *
 * <pre>{@code
 * class ShopEnv extends VirtualEnv {
 *   { location = "/srv/shop/venv"; requirementsFiles = List.of("/srv/shop/code/requirements.txt"); }
 * }
 * VirtualEnv env = new VirtualEnv().location("/srv/shop/venv").interpreter("/usr/bin/python3")
 *     .venvOptions("--system-site-packages").pipOptions("--no-index");
 * }</pre>
 *
 * pip runs as {@code python -m pip} inside the environment, so an environment created
 * {@code --without-pip} but with {@code --system-site-packages} uses the system's pip.
 */
public class VirtualEnv extends Node {
  /** The absolute directory of the environment. */
  @Required("the absolute directory of the virtualenv")
  protected String location;

  /** The Python that creates the environment. */
  protected String interpreter = "python3";

  /** Extra options of {@code python -m venv}, e.g. {@code --system-site-packages}. */
  protected List<String> venvOptions = List.of();

  /** Extra options of every {@code pip install}, e.g. {@code --no-index} where there is no package index. */
  protected List<String> pipOptions = List.of();

  /** Packages {@link #setupEnv()} installs one by one. */
  protected List<String> packages = List.of();

  /** Requirements files (absolute paths on the host) {@link #installRequirements()} installs. */
  protected List<String> requirementsFiles = List.of();

  /** Sets {@link #location}. Returns this node. */
  public VirtualEnv location(String directory) {
    this.location = directory;
    return this;
  }

  /** Sets {@link #interpreter}. Returns this node. */
  public VirtualEnv interpreter(String python) {
    this.interpreter = python;
    return this;
  }

  /** Sets {@link #venvOptions}. Returns this node. */
  public VirtualEnv venvOptions(String... options) {
    this.venvOptions = List.of(options);
    return this;
  }

  /** Sets {@link #pipOptions}. Returns this node. */
  public VirtualEnv pipOptions(String... options) {
    this.pipOptions = List.of(options);
    return this;
  }

  /** Sets {@link #packages}. Returns this node. */
  public VirtualEnv packages(String... names) {
    this.packages = List.of(names);
    return this;
  }

  /** Sets {@link #requirementsFiles}. Returns this node. */
  public VirtualEnv requirementsFiles(String... paths) {
    this.requirementsFiles = List.of(paths);
    return this;
  }

  /** The absolute directory of the environment. */
  public String location() {
    return location;
  }

  /** The hosts with every command run inside the environment (its {@code bin/activate} sourced first). */
  public Hosts activated() {
    return hosts().prefix(Command.cmd(".", location + "/bin/activate").toString());
  }

  @Override
  protected void requires(Requirements requirements) {
    requirements.check("location", location == null || location.startsWith("/"),
        "must be an absolute path (~ is not expanded), was " + location);
  }

  @Action(description = "Create the virtualenv (fine if it exists)")
  public void create() {
    List<Object> args = new ArrayList<>(List.of("-m", "venv"));
    args.addAll(venvOptions);
    args.add(location);
    hosts().run(Command.cmd(interpreter, args.toArray()));
  }

  @Action(description = "Install one package into the virtualenv with pip")
  public void installPackage(String name) {
    activated().run(pipInstall(name));
  }

  @Action(description = "Install every requirements file into the virtualenv with pip")
  public void installRequirements() {
    for (String file : requirementsFiles) {
      activated().run(pipInstall("-r", file));
    }
  }

  @Action(description = "Create the virtualenv and install its packages and requirements")
  public void setupEnv() {
    create();
    packages.forEach(this::installPackage);
    installRequirements();
  }

  private Command pipInstall(String... what) {
    List<Object> args = new ArrayList<>(List.of("-m", "pip", "install", "--quiet"));
    args.addAll(pipOptions);
    args.addAll(List.of(what));
    return Command.cmd("python", args.toArray());
  }
}
