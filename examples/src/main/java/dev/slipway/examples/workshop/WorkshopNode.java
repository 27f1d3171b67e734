package dev.slipway.examples.workshop;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.node.Action;
import dev.slipway.node.HostResults;
import dev.slipway.node.Node;
import dev.slipway.release.Release;
import dev.slipway.release.ReleaseState;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Flask workshop as a node tree, for the launcher and the shell ({@link WorkshopShell}): one
 * node, {@code /web}, whose actions deploy, roll back, list and stop the {@link FlaskApp} on every
 * host of its {@code web} role.
 *
 * <pre>{@code
 * Node root = WorkshopNode.tree(FlaskApp.builder(repo).deployTo("/opt/flask-demo").port(8000).build(),
 *     List.of(LocalHost.named("web1")));
 * Slipway.run(root, new String[] {"run", "/web", "deploy", "v1"}, System.in, System.out, System.err);
 * }</pre>
 */
public class WorkshopNode extends Node {
  /** The role of the hosts the app is deployed to, as in the workshop's inventory. */
  public static final String WEB = "web";

  private final FlaskApp app;

  /** The actions of {@code app} on the hosts of this node. */
  public WorkshopNode(FlaskApp app) {
    this.app = requireNonNull(app, "app");
  }

  /** The tree: {@code /web}, the app on {@code web}. */
  public static Node tree(FlaskApp app, List<? extends Host> web) {
    return Node.root().child(WEB, new WorkshopNode(app), roles -> roles.add(WEB, List.copyOf(web)));
  }

  @Action(description = "Deploy a tag of the app's repository (v1, v2, ...) to every host, switching when all are ready")
  public String deploy(String tag) {
    return app.deploy(hosts().list(), tag).describe();
  }

  @Action(description = "Switch every host back to its previous good release")
  public String rollback() {
    return app.rollback(hosts().list()).describe();
  }

  @Action(name = "rollback_to", description = "Switch every host to the release of a version or release id")
  public String rollbackTo(String version) {
    return app.rollbackTo(hosts().list(), version).describe();
  }

  @Action(description = "List the releases on each host, newest first")
  public String releases() {
    return hosts().list().stream()
        .map(host -> "Releases on " + host.name() + " (newest first):\n" + app.releases(host).stream()
            .map(release -> "  " + release.describe()).collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n"));
  }

  @Action(description = "Show the live release on each host")
  public HostResults<String> status() {
    return hosts().map("status", host -> app.releases(host).stream()
        .filter(release -> release.state() == ReleaseState.LIVE).findFirst()
        .map(Release::describe).orElse("no live release"));
  }

  @Action(description = "Stop the app server on every host")
  public void stop() {
    hosts().each(app::stop);
  }
}
