/**
 * Provisioning: resources that describe a server's state and converge it, changing only what
 * differs, grouped into layers a user names (paquerette's server, platform and instance).
 *
 * <pre>{@code
 * Provisioning notes = Provisioning.newBuilder()
 *     .addLayer("server", Packages.of("sqlite3"), SystemLocale.of("fr_FR.UTF-8"))
 *     .addLayer("platform", SystemGroup.named("notes"), SystemUser.named("notes").group("notes").build())
 *     .addLayer("instance",
 *         Directory.at("/srv/notes").owner("notes").mode(0755).build(),
 *         ConfigFile.at("/etc/notes.conf").template(template::render, variables).mode(0640).build())
 *     .build();
 * ProvisionReport report = notes.apply(hosts);        // host.dryRun() views: what would change, with diffs
 * report.lines().forEach(System.out::println);
 * }</pre>
 *
 * <p>Each {@link dev.slipway.provision.Resource} first reads the host ({@link
 * dev.slipway.provision.Resource#plan}) and then applies only the changes its {@link
 * dev.slipway.provision.Plan} lists, so a second run reports every resource unchanged and runs no
 * changing command. Resources run as the host view given: pass {@code host.sudo()} where the
 * connecting user is not root.
 */
package dev.slipway.provision;
