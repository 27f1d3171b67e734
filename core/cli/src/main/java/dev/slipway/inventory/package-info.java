/**
 * Inventories and environments: which hosts a deployment targets, in which groups, with which
 * variables and secrets, read from the Ansible files users already keep.
 *
 * <pre>{@code
 * Environment prod = Inventory.load(Path.of("inventory/hosts.ini"), Path.of("."))
 *     .environment("prod")
 *     .withSecrets(SecretSource.environmentVariables("SHOP_"))
 *     .withExtraVars(List.of("git_branch=v2"));
 * InventoryHost web1 = prod.host("web1");
 * web1.connection();                                   // address, port, user, key from ansible_*
 * web1.vars().get("deploy_to", Path.class);            // see Variables for the precedence
 * web1.vars().origin("deploy_to");                     // "group_vars/web.yml"
 * List<Host> web = prod.hostsOf("web", sshHosts);      // roles filled from a group
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.slipway.inventory.Inventory} holds hosts and nested groups ({@code all} and
 *       {@code ungrouped} as in Ansible), loaded from INI or YAML inventories with
 *       {@code group_vars/} and {@code host_vars/}, or built in code.
 *   <li>{@link dev.slipway.inventory.Environment} is a stage ({@code test}, {@code prod}): it
 *       selects hosts and stacks variable layers, documented in {@link dev.slipway.inventory.Variables}.
 *   <li>{@link dev.slipway.inventory.SecretSource} yields secrets from environment variables,
 *       owner-only files or the application; {@link dev.slipway.inventory.SecretMasker} hides
 *       every known secret in any text, for logs, dry-runs and messages.
 *   <li>{@link dev.slipway.inventory.HostFactory} turns entries into connected hosts; the SSH
 *       module provides one from {@link dev.slipway.inventory.Connection}.
 * </ul>
 *
 * <p><b>YAML library.</b> YAML is read with snakeyaml-engine (org.snakeyaml:snakeyaml-engine),
 * the maintained YAML 1.2 successor of SnakeYAML by the same authors, because: it constructs only
 * plain maps, lists and scalars, never arbitrary Java classes, so an inventory file cannot run
 * code; its low-level compose API keeps the line of every node, which is how every variable knows
 * its line and every malformed file is reported with its line; and it has no dependencies. One
 * difference from Ansible (YAML 1.1) is that {@code yes}/{@code no} are strings in YAML 1.2, so
 * typed access converts them to booleans when a {@code Boolean} is asked for.
 *
 * <p>Jinja2 expressions such as <code>{{ playbook_dir }}</code> are kept as text, not evaluated.
 */
package dev.slipway.inventory;
