package dev.slipway.examples.notes;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.Secret;
import dev.slipway.provision.ConfigFile;
import dev.slipway.provision.Directory;
import dev.slipway.provision.Provisioning;
import dev.slipway.release.DataBackup;
import dev.slipway.release.DeployReport;
import dev.slipway.release.Releases;
import dev.slipway.release.RestoreData;
import dev.slipway.release.Step;
import dev.slipway.release.UpdateOrder;
import dev.slipway.release.source.ArtifactStore;
import dev.slipway.service.HttpHealthCheck;
import dev.slipway.service.PidfileService;
import dev.slipway.template.Template;
import java.util.List;
import java.util.Map;

/**
 * A Flask app with an SQLite database, the whole life of a server: provisioned in layers, deployed
 * from an artifact store, each release migrating the database, and rolled back with its data.
 *
 * <pre>{@code
 * NotesApp notes = new NotesApp("/srv/notes", 8090, ArtifactStore.local(Path.of("artifacts")), Secret.of(key));
 * notes.provisioning().apply(host);             // directories and notes.conf (secret masked in the diff)
 * notes.deploy(host);                           // the latest artifact: stop, back up notes.db, switch, migrate, start
 * notes.rollback(host, RestoreData.YES);        // the previous release and the database it had
 * }</pre>
 *
 * <p>The update follows paquerette's order: the new release is downloaded and prepared while the
 * old one serves, then the service stops, the database is backed up, {@code current} switches, the
 * new release migrates the database and the service starts on it.
 */
public final class NotesApp {
  /** The artifact's name in the store: {@code notes/master/notes.tar.gz/<version>}. */
  public static final String ARTIFACT = "notes.tar.gz";
  private static final Template CONF = Template.fromResource("dev/slipway/examples/notes/notes.conf.peb");

  private final String deployTo;
  private final int port;
  private final ArtifactStore store;
  private final Secret secretKey;
  private final PidfileService service;

  /** The app under {@code deployTo}, serving on {@code port} of the host's loopback, released from {@code store}. */
  public NotesApp(String deployTo, int port, ArtifactStore store, Secret secretKey) {
    this.deployTo = requireNonNull(deployTo, "deployTo");
    this.port = port;
    this.store = requireNonNull(store, "store");
    this.secretKey = requireNonNull(secretKey, "secretKey");
    this.service = PidfileService.named("notes").command("python3", "app.py", conf()).matching("app.py")
        .directory(deployTo + "/current").pidfile(shared("run/notes.pid")).log(shared("log/notes.log")).build();
  }

  /** The server layer (directories) and the instance layer (the config file). */
  public Provisioning provisioning() {
    return Provisioning.newBuilder()
        .addLayer("server", List.of(Directory.at(deployTo).mode(0755).build(),
            Directory.at(shared("data")).mode(0750).build(), Directory.at(shared("run")).build(),
            Directory.at(shared("log")).build()))
        .addLayer("instance", ConfigFile.at(conf()).mode(0640)
            .template(CONF::render, Map.of("database", database(), "port", port, "secret_key", secretKey)).build())
        .build();
  }

  /** The releases: from the store, backing up the database before each switch, migrating after it. */
  public Releases releases() {
    return Releases.at(deployTo).sharedDirs("data")
        .source(store.artifact("notes", "master", ARTIFACT))
        .addBackup(DataBackup.file(database()))
        .updateOrder(UpdateOrder.stopFirst((host, release) -> service.stop(host)))
        .after(Step.SYMLINK, (host, release) -> {
          host.cd(release.directory()).run("python3 migrate.py %s", database());
          service.restart(host);
        })
        .healthCheck(HttpHealthCheck.of("http://127.0.0.1:" + port + "/"));
  }

  /** Deploys the store's latest version. */
  public DeployReport deploy(Host host) {
    return releases().deploy(host);
  }

  /** Deploys {@code version} from the store. */
  public DeployReport deploy(Host host, String version) {
    return releases().source(store.artifact("notes", "master", ARTIFACT).version(version)).deploy(host);
  }

  /** Rolls back to the previous release, with the database it had if {@code restore} says so. */
  public DeployReport rollback(Host host, RestoreData restore) {
    return releases().rollback(List.of(host), restore);
  }

  /** Stops the app. */
  public void stop(Host host) {
    service.stop(host);
  }

  /** Where the database is. */
  public String database() {
    return shared("data/notes.db");
  }

  private String conf() {
    return shared("notes.conf");
  }

  private String shared(String path) {
    return deployTo + "/shared/" + path;
  }
}
