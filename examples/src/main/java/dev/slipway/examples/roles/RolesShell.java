package dev.slipway.examples.roles;

import dev.slipway.cli.Slipway;

/**
 * The roles example's tree ({@link RolesExample#tree}) behind the launcher ({@link Slipway#start}):
 * without arguments, on a terminal, it opens the interactive shell; {@code list} shows the staging
 * and production systems with their actions; {@code run /staging deploy v2} prints the commands.
 * The machines are dry-run views of this one, so an action run without {@code --dry-run} is still
 * only printed and checked with {@code sh -n}: nothing runs systemctl or sudo here. Actions under
 * {@code /production} ask for confirmation, as on a real production system.
 */
public final class RolesShell {
  private RolesShell() {
  }

  /** The launcher's command line over {@link RolesExample#tree}: the shell, {@code run}, {@code list}, {@code inspect}. */
  public static void main(String[] args) {
    Slipway.start(RolesExample.tree(), args);
  }
}
