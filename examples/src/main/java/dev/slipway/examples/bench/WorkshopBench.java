package dev.slipway.examples.bench;

import dev.slipway.Host;
import dev.slipway.examples.workshop.FlaskAppRepository;
import dev.slipway.examples.workshop.FlaskWorkshop;
import dev.slipway.git.GitSource;
import dev.slipway.python.Python;
import dev.slipway.release.Releases;
import dev.slipway.ssh.SshHost;
import dev.slipway.ssh.testing.OpenSshServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The workshop against a real OpenSSH {@code sshd} on loopback, each step started as its own
 * process the way a user runs it from a terminal: per step, the wall time, the SSH connections and
 * sessions the server accepted (counted in its {@code LogLevel VERBOSE} log) and the bytes the
 * client sent (counted by a relay in front of the server). Then the same deploy to 1, 5 and 20
 * hosts — one {@code sshd} each, each in its own mount namespace so that they do not share the
 * deploy directory — to show how time grows with hosts, next to the floor of the same fleet: one
 * plain {@code ssh HOST true} per host, all at once.
 *
 * <p>Needs root and openssh-server, python3-flask, gunicorn, python3-venv. Run with {@code ./bench workshop}.
 */
public final class WorkshopBench {
  private static final List<List<String>> STEPS = List.of(
      List.of("deploy", "v1"), List.of("deploy", "v2"), List.of("deploy", "v3"),
      List.of("rollback"), List.of("rollback", "v1"));
  private static final String SHARED_DEPLOY_ROOT = "/srv/slipway-bench";

  private WorkshopBench() {}

  /** Runs the benchmark and prints its two tables. */
  public static void main(String[] args) throws Exception {
    OpenSshServer.availability().ifPresent(reason -> {
      throw new IllegalStateException("the benchmark needs a real sshd: " + reason);
    });
    Path work = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    Path repo = FlaskAppRepository.createIfMissing(work.resolve("app-src"));
    stepsAsProcesses(work, repo);
    hostsInParallel(work, repo, "root", List.of(1, 5, 20));
  }

  private static void stepsAsProcesses(Path work, Path repo) throws Exception {
    try (OpenSshServer sshd = OpenSshServer.in(work.resolve("sshd-steps")).start();
         CountingRelay relay = new CountingRelay(sshd.port())) {
      Path knownHosts = work.resolve("known_hosts-relay");
      Files.writeString(knownHosts, sshd.knownHostsLine().replaceFirst("^\\S+", "[127.0.0.1]:" + relay.port()) + "\n");
      Path deployTo = work.resolve("flask-demo");
      deleteTree(deployTo);
      int appPort = freePort();
      System.out.println("Workshop over OpenSSH, one process per step (as from a terminal)");
      System.out.printf("%-14s %9s %12s %9s %12s%n", "step", "wall (s)", "connections", "sessions", "bytes sent");
      List<String> common = List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
          "-Dworkshop.dir=" + work, "-Dworkshop.port=" + appPort, "-Dbench.key=" + sshd.clientKey(),
          "-Dbench.knownHosts=" + knownHosts, Step.class.getName(), "--ssh", "127.0.0.1:" + relay.port(),
          "--repo", repo.toString());
      for (List<String> step : STEPS) {
        int connections = sshd.connectionsAccepted();
        int sessions = sshd.sessionsStarted();
        long bytes = relay.bytesSent();
        long start = System.nanoTime();
        runStep(common, step, work.resolve("step.log"));
        System.out.printf("%-14s %9.2f %12d %9d %12d%n", String.join(" ", step), (System.nanoTime() - start) / 1e9,
            sshd.connectionsAccepted() - connections, sshd.sessionsStarted() - sessions, relay.bytesSent() - bytes);
      }
      runStep(common, List.of("stop"), work.resolve("step.log"));
      System.out.println("(sessions: exec channels and the SFTP channel each count as one)");
      System.out.println();
    }
  }

  /**
   * Deploys v1, then v2, to 1, 5, 20... hosts logged in as {@code user}, one sshd each in its own
   * mount namespace, in parallel, and prints the wall times and each deploy's channels per host.
   */
  static void hostsInParallel(Path work, Path repo, String user, List<Integer> counts) {
    System.out.println("The same deploy (v1, then v2) to N hosts, one sshd each, in parallel, as " + user
        + " (code and environment; the app server is left out because the hosts share this machine's ports)");
    System.out.printf("%6s %12s %12s %12s %16s %16s %14s%n", "hosts", "v1 wall (s)", "v2 wall (s)",
        "connections", "v1 channels/host", "v2 channels/host", "floor ssh (s)");
    for (int count : counts) {
      List<OpenSshServer> servers = new ArrayList<>();
      List<Host> hosts = new ArrayList<>();
      try {
        for (int i = 0; i < count; i++) {
          OpenSshServer sshd = OpenSshServer.in(work.resolve("sshd-" + i)).privateDirectory(SHARED_DEPLOY_ROOT).start();
          servers.add(sshd);
          hosts.add(sshHost("web" + (i + 1), sshd, user));
        }
        Releases app = Releases.at(SHARED_DEPLOY_ROOT + "/flask-demo").parallelism(count).sharedDirs("log").dependencies(
            Python.venv("venv").requirements("requirements.txt").systemSitePackages().offline().environment());
        long start = System.nanoTime();
        app.source(GitSource.of(repo).ref("v1")).deploy(hosts);
        double v1 = (System.nanoTime() - start) / 1e9;
        int v1Sessions = sessions(servers);
        start = System.nanoTime();
        app.source(GitSource.of(repo).ref("v2")).deploy(hosts);
        double v2 = (System.nanoTime() - start) / 1e9;
        int connections = servers.stream().mapToInt(OpenSshServer::connectionsAccepted).sum();
        double v2Channels = (sessions(servers) - v1Sessions) / (double) count;
        System.out.printf("%6d %12.2f %12.2f %12d %16.1f %16.1f %14.2f%n", count, v1, v2, connections,
            v1Sessions / (double) count, v2Channels, plainLogins(servers, user));
      } finally {
        hosts.forEach(Host::close);
        servers.forEach(OpenSshServer::close);
      }
    }
  }

  /** The floor of a fleet step on this machine: one plain {@code ssh HOST true} per host, all at once. */
  private static double plainLogins(List<OpenSshServer> servers, String user) {
    long start = System.nanoTime();
    List<Process> logins = new ArrayList<>();
    try {
      for (OpenSshServer sshd : servers) {
        logins.add(new ProcessBuilder("ssh", "-F", "/dev/null", "-i", sshd.clientKey().toString(),
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
            "-o", "UserKnownHostsFile=" + sshd.knownHosts(), "-p", String.valueOf(sshd.port()),
            user + "@" + sshd.address(), "true").redirectErrorStream(true).start());
      }
      for (Process login : logins) {
        login.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (login.waitFor() != 0) {
          throw new IllegalStateException("plain ssh login failed with status " + login.exitValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static int sessions(List<OpenSshServer> servers) {
    return servers.stream().mapToInt(OpenSshServer::sessionsStarted).sum();
  }

  private static void runStep(List<String> common, List<String> step, Path log) throws Exception {
    List<String> command = new ArrayList<>(common);
    command.addAll(step);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", step) + " failed: " + Files.readString(log));
    }
  }

  /**
   * One step of the benchmark as its own process: the workshop's recipe, its {@code --ssh HOST:PORT}
   * host made with the key and known_hosts the system properties {@code bench.key} and
   * {@code bench.knownHosts} name.
   */
  public static final class Step {
    private Step() {}

    /** Runs the workshop command {@code args} over the benchmark's sshd. */
    public static void main(String[] args) {
      Path work = Path.of(System.getProperty("workshop.dir"));
      FlaskWorkshop.recipe(work.resolve("flask-demo").toString(), Integer.getInteger("workshop.port"), work)
          .ssh(target -> SshHost.builder("web1").address(target.substring(0, target.indexOf(':')))
              .port(Integer.parseInt(target.substring(target.indexOf(':') + 1))).user("root")
              .identity(Path.of(System.getProperty("bench.key")))
              .knownHosts(Path.of(System.getProperty("bench.knownHosts"))).build())
          .run(args);
    }
  }

  private static Host sshHost(String name, OpenSshServer sshd, String user) {
    return SshHost.builder(name).address(sshd.address()).port(sshd.port()).user(user)
        .identity(sshd.clientKey()).knownHosts(sshd.knownHosts()).build();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (var paths = Files.walk(directory)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
