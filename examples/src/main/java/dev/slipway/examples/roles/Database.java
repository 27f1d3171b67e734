package dev.slipway.examples.roles;

import dev.slipway.Command;
import dev.slipway.node.Action;

/**
 * A PostgreSQL master with its replicas (python-deployer's {@code Database}, mapped with
 * {@code map_roles(master='master_db', slave='slave_db')}): start and stop act on every host of
 * both roles, a backup runs on the master only.
 */
public class Database extends Service {
  /** The role of the master inside this node. */
  public static final String MASTER = "master";

  /** The role of the replicas inside this node; may be empty. */
  public static final String SLAVE = "slave";

  /** Where {@link #backup()} writes the dump on the master. */
  protected String backupFile = "/var/backups/postgresql/before-deploy.dump";

  /** The database server, run by the {@code postgresql} unit. */
  public Database() {
    super("postgresql");
  }

  @Action(description = "Dump every database on the master before a deploy changes the schema")
  public void backup() {
    hosts().filter(MASTER).as("postgres").run(Command.cmd("pg_dumpall", "--file", backupFile));
  }
}
