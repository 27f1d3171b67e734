package dev.slipway.examples.roles;

import static dev.slipway.node.RoleMapping.mapRoles;

import dev.slipway.examples.tutorial.Git;
import dev.slipway.node.Action;
import dev.slipway.node.Group;
import dev.slipway.node.Node;
import java.util.List;

/**
 * python-deployer's roles example: one web system (load balancer, web servers, cache, queue and a
 * database master with replicas) written once and deployed as several instances, each mapping the
 * roles onto its own machines through a {@link Topology}:
 *
 * <pre>{@code
 * Node root = WebSystem.tree(repository, Topology.oneHost(stagingHost), production);
 * try (Execution execution = Execution.of(root)) {
 *   execution.invoke("/production", "deploy", List.of("v2"));
 *   execution.invoke("/staging/cache", "restart", List.of());
 * }
 * }</pre>
 *
 * The children take the system's roles under the names they use themselves, as
 * {@code @map_roles} does:
 * <pre>
 *   load_balancer  Service "haproxy"        host   = load_balancer
 *   web            WebServers "gunicorn"    host   = web
 *   cache          Service "redis-server"   host   = cache
 *   queue          Service "rabbitmq-server" host  = queue
 *   database       Database "postgresql"    master = master_db, slave = slave_db
 *   git            Git (the application)    host   = web, load_balancer, queue
 * </pre>
 * A machine in several roles (the staging host) is in each node's hosts once.
 */
public class WebSystem extends Node {
  /** The role of the load balancers. */
  public static final String LOAD_BALANCER = "load_balancer";
  /** The role of the application servers. */
  public static final String WEB = "web";
  /** The role of the cache servers. */
  public static final String CACHE = "cache";
  /** The role of the message queue servers. */
  public static final String QUEUE = "queue";
  /** The role of the database master. */
  public static final String MASTER_DB = "master_db";
  /** The role of the database replicas. */
  public static final String SLAVE_DB = "slave_db";
  /** Every role, in the order a {@link Topology} lists them. */
  public static final List<String> ROLES = List.of(LOAD_BALANCER, WEB, CACHE, QUEUE, MASTER_DB, SLAVE_DB);

  /** Where the application is checked out on the web, load balancer and queue hosts. */
  public static final String CODE_DIRECTORY = "/srv/websystem/code";

  protected final Service loadBalancer = new Service("haproxy");
  protected final WebServers web = new WebServers("gunicorn");
  protected final Service cache = new Service("redis-server");
  protected final Service queue = new Service("rabbitmq-server");
  protected final Database database = new Database();
  protected final Git git = new Git().projectDirectory(CODE_DIRECTORY);

  /** A system running the application cloned from {@code repository}. */
  public WebSystem(String repository) {
    git.repository(repository);
    child("load_balancer", loadBalancer, mapRoles("host", LOAD_BALANCER));
    child("web", web, mapRoles("host", WEB));
    child("cache", cache, mapRoles("host", CACHE));
    child("queue", queue, mapRoles("host", QUEUE));
    child("database", database, roles -> roles.map(Database.MASTER, MASTER_DB).map(Database.SLAVE, SLAVE_DB));
    child("git", git, mapRoles("host", WEB, LOAD_BALANCER, QUEUE));
  }

  /** The root of python-deployer's example: a staging and a production instance of one system. */
  public static Node tree(String repository, Topology staging, Topology production) {
    return Node.root()
        .child("staging", new WebSystem(repository).inGroup(Group.STAGING), staging)
        .child("production", new WebSystem(repository).inGroup(Group.PRODUCTION), production);
  }

  @Action(description = "Back up the database, check out a commit everywhere, restart queue and web servers")
  public void deploy(String commit) {
    database.backup();
    git.fetch();
    git.checkout(commit);
    queue.restart();
    web.restart();
  }

  @Action(description = "Start every service, back ends first")
  public void start() {
    database.start();
    cache.start();
    queue.start();
    web.start();
    loadBalancer.start();
  }

  @Action(description = "Stop every service, front ends first")
  public void stop() {
    loadBalancer.stop();
    web.stop();
    queue.stop();
    cache.stop();
    database.stop();
  }
}
