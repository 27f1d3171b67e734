/**
 * Slipway's model: a {@link dev.slipway.Host} runs {@link dev.slipway.Command}s and
 * {@link dev.slipway.Batch}es of {@link dev.slipway.Operation}s under an immutable
 * {@link dev.slipway.HostContext}.
 *
 * <pre>{@code
 * Host app = host.cd("/opt/flask-demo/current").env("FLASK_ENV", "production");
 * app.run("python3 -c %s", "print(1)");            // every argument is quoted by the library
 * app.sudo().run("systemctl reload flask-demo");
 * }</pre>
 *
 * <h2>How values, builders and verbs read, everywhere in Slipway</h2>
 * <ul>
 *   <li><b>Small values are records</b> ({@code HostContext}, {@code CommandResult},
 *       {@code FileInfo}): built whole, compared by value.</li>
 *   <li><b>Plans with many options are immutable values with final fields</b>
 *       ({@code Releases}, {@code Command}, {@code GitSource}, {@code HttpHealthCheck},
 *       {@code Recipe}): each option method returns a modified copy, so a plan can be shared and
 *       specialised ({@code releases.keep(3)} leaves {@code releases} as it was); with many
 *       fields the copy goes through a private builder. Types that are assembled once and then
 *       only used are made with a public {@code Builder} ({@code Provisioning.newBuilder()},
 *       {@code SshHost.builder(target)}, {@code SystemdService.named(name)}), as OkHttp's client
 *       is.</li>
 *   <li><b>{@code x(..)} sets or replaces; {@code addX(..)} appends</b>
 *       ({@code sharedDirs("log")} replaces the list, {@code addSharedDirs("tmp")} adds to it).
 *       A method that takes one item adds it ({@code healthCheck(check)},
 *       {@code dependencies(environment)}, {@code listener(l)}); hooks take the verbs
 *       {@code before} and {@code after}. A getter is a noun
 *       ({@code timeout()}); a copy is a verb phrase or takes the new value
 *       ({@code withTimeout(..)}, {@code keep(5)}); no name is both.</li>
 *   <li><b>One way for one thing</b>: {@code Hosts.any()} picks the host for work done once;
 *       a {@code FakeHost} is scripted with {@code when(..)} (exact text, or any
 *       {@code Predicate} such as {@code Pattern.asMatchPredicate()}).</li>
 *   <li><b>Views stay views</b>: {@code cd}, {@code env}, {@code prefix}, {@code as},
 *       {@code sudo}, {@code dryRun} on a {@code Host} return a host sharing the connection.</li>
 *   <li><b>A factory returns the type it is named after</b>: {@code SshHost.builder(target).build()}
 *       is an {@code SshHost}, {@code LocalHost.create()} a {@code LocalHost},
 *       {@code FakeHost.named(name)} a {@code FakeHost}, each a {@code Host}; a host that changes a
 *       few calls of another (logs, injects faults) extends {@code dev.slipway.spi.ForwardingHost}.</li>
 *   <li><b>One placeholder syntax</b> for the commands a user writes: {@code %s}, each argument
 *       quoted, {@code %%} a percent sign ({@link dev.slipway.Command#format},
 *       {@code host.run("rm -rf %s", dir)}). A line without arguments is literal:
 *       {@code host.run("date +%s")} runs as written, as {@link dev.slipway.Command#shell} does.</li>
 *   <li><b>Parts talk in types</b>: an outcome a caller branches on is a field or an enum, never
 *       text to parse back.</li>
 * </ul>
 *
 * <p>This package depends on nothing of the front end ({@code slipway-cli}: launcher, shell,
 * terminal console, inventories, templates). Packages form no import cycle other than a package
 * and its {@code internal} package.
 */
package dev.slipway;
