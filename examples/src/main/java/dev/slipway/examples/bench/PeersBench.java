package dev.slipway.examples.bench;

import static dev.slipway.internal.Quoting.quote;

import dev.slipway.examples.workshop.FlaskAppRepository;
import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The workshop job — deploy v1, v2, v3, roll back, roll back to v1's release — each step its own
 * process through the README's launcher ({@code ./workshop --ssh ...}), against a real OpenSSH
 * {@code sshd} on loopback, logged in as a throw-away unprivileged user whose shell is plain
 * {@code sh}; and, in the same run, the floor: one plain {@code ssh} call per step running a sh
 * script that does the same (untar the release, link shared, build the venv once, switch
 * {@code current} by rename, {@code HUP} gunicorn, poll {@code /version}). Per step it prints the
 * wall time and the exec channels the server started for each, and their ratio; then the deploy to
 * 1, 5 and 20 hosts with the channels per host.
 *
 * <p>Needs root, openssh-server, curl and the workshop's Python packages. Run with {@code ./bench peers}.
 */
final class PeersBench {
  private static final List<List<String>> STEPS = List.of(
      List.of("deploy", "v1"), List.of("deploy", "v2"), List.of("deploy", "v3"),
      List.of("rollback"), List.of("rollback", "v1"));

  private PeersBench() {}

  /** Runs the job with Slipway and with the floor, step by step, then the fleet, and prints the tables. */
  static void run() throws Exception {
    OpenSshServer.availability().ifPresent(reason -> {
      throw new IllegalStateException("the benchmark needs a real sshd: " + reason);
    });
    Path work = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    Path repo = FlaskAppRepository.createIfMissing(work.resolve("app-src"));
    Path workshop = Path.of(System.getProperty("bench.workshop", "workshop")).toAbsolutePath();
    try (LocalAccount account = LocalAccount.create("slwb")) {
      try (OpenSshServer sshd = OpenSshServer.in(work.resolve("sshd-peers")).start()) {
        Peers peers = new Peers(sshd, account.name(), home(account.name()), repo, workshop, work.resolve("step.log"));
        try {
          peers.warmUp();
          peers.printSteps();
        } finally {
          peers.stopApps();
        }
      }
      WorkshopBench.hostsInParallel(work, repo, account.name(), List.of(1, 5, 20));
    }
  }

  /** The two tools side by side on one server, one login user. */
  private record Peers(OpenSshServer sshd, String user, Path home, Path repo, Path workshop, Path log) {
    void printSteps() throws Exception {
      int slipwayPort = WorkshopBench.freePort();
      int floorPort = WorkshopBench.freePort();
      System.out.printf("The workshop job over OpenSSH on loopback, each step its own process, as %s (sh)%n", user);
      System.out.printf("%-12s %14s %9s %14s %9s %8s%n",
          "step", "./workshop (s)", "channels", "floor ssh (s)", "channels", "ratio");
      for (List<String> step : STEPS) {
        Measured slipway = measure(slipwayStep(step, slipwayPort));
        Measured floor = measure(floorStep(step, floorPort));
        System.out.printf("%-12s %14.2f %9d %14.2f %9d %7.1fx%n", String.join(" ", step),
            slipway.seconds(), slipway.channels(), floor.seconds(), floor.channels(), slipway.seconds() / floor.seconds());
      }
      System.out.println("(channels: exec and SFTP sessions the server started; ratio: ./workshop time / floor time)");
      System.out.println();
    }

    // The first venv built on a machine reads Python's files from disk; whoever builds it first pays
    // for both, so a throwaway one is built before anything is measured.
    void warmUp() throws Exception {
      run(List.of(ssh("python3 -m venv --system-site-packages ~/warm-up && ~/warm-up/bin/pip install --quiet"
          + " --no-index --disable-pip-version-check flask gunicorn; rm -rf ~/warm-up")));
    }

    void stopApps() throws Exception {
      run(slipwayStep(List.of("stop"), 0));
      run(List.of(ssh("kill \"$(cat ~/floor/shared/pids/gunicorn.pid)\"")));
    }

    // The workshop connects as a user's own ssh would: "--ssh web1" and a ~/.ssh/config naming it.
    private List<List<String>> slipwayStep(List<String> step, int port) throws IOException {
      String javaOptions = "-Duser.home=" + clientHome() + " -Dworkshop.dir=" + home.resolve("slipway")
          + (port != 0 ? " -Dworkshop.port=" + port : "");
      List<String> command = new ArrayList<>(List.of("env", "-u", "SSH_AUTH_SOCK", "JAVA_OPTS=" + javaOptions,
          workshop.toString(), "--ssh", "web1", "--repo", repo.toString()));
      command.addAll(step);
      return List.of(command);
    }

    private Path clientHome() throws IOException {
      Path home = log.resolveSibling("client-home");
      Files.createDirectories(home.resolve(".ssh"));
      Files.writeString(home.resolve(".ssh/config"), String.join("\n", "Host web1", "  HostName 127.0.0.1",
          "  Port " + sshd.port(), "  User " + user, "  IdentityFile " + sshd.clientKey(),
          "  UserKnownHostsFile " + sshd.knownHosts(), "  StrictHostKeyChecking yes", ""));
      return home;
    }

    private List<List<String>> floorStep(List<String> step, int port) {
      String deployTo = home.resolve("floor").toString();
      if (step.get(0).equals("deploy")) {
        List<String> archive = List.of("git", "-C", repo.toString(), "archive", "--format=tar.gz", step.get(1));
        return List.of(archive, ssh(script("floor-deploy.sh", deployTo, step.get(1), String.valueOf(port))));
      }
      List<String> args = new ArrayList<>(List.of(deployTo, String.valueOf(port)));
      args.addAll(step.subList(1, step.size()));
      return List.of(ssh(script("floor-rollback.sh", args.toArray(String[]::new))));
    }

    private List<String> ssh(String remoteCommand) {
      return List.of("ssh", "-F", "/dev/null", "-i", sshd.clientKey().toString(), "-o", "IdentitiesOnly=yes",
          "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
          "-o", "UserKnownHostsFile=" + sshd.knownHosts(), "-p", String.valueOf(sshd.port()),
          user + "@127.0.0.1", remoteCommand);
    }

    private Measured measure(List<List<String>> pipeline) throws Exception {
      int sessions = sshd.sessionsStarted();
      long start = System.nanoTime();
      run(pipeline);
      return new Measured((System.nanoTime() - start) / 1e9, sshd.sessionsStarted() - sessions);
    }

    /** Runs the processes of {@code pipeline}, each one's output into the next, as a user's shell would. */
    private void run(List<List<String>> pipeline) throws Exception {
      List<ProcessBuilder> builders = new ArrayList<>();
      for (List<String> command : pipeline) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeAll(List.of("GIT_CONFIG_NOSYSTEM", "JAVA_OPTS"));
        builders.add(builder);
      }
      builders.get(0).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builders.get(builders.size() - 1).redirectErrorStream(true).redirectOutput(log.toFile());
      List<Process> processes = ProcessBuilder.startPipeline(builders);
      Process last = processes.get(processes.size() - 1);
      if (!last.waitFor(10, TimeUnit.MINUTES) || last.exitValue() != 0) {
        processes.forEach(Process::destroyForcibly);
        throw new IllegalStateException(String.join(" ", pipeline.get(pipeline.size() - 1)) + " failed: "
            + Files.readString(log));
      }
    }
  }

  private record Measured(double seconds, int channels) {}

  /** The remote command that runs the floor script {@code name}, then waits for the version, with {@code args}. */
  private static String script(String name, String... args) {
    String script = resource(name) + resource("floor-await-version.sh");
    StringBuilder command = new StringBuilder("sh -c ").append(quote(script)).append(" floor");
    for (String arg : args) {
      command.append(' ').append(quote(arg));
    }
    return command.toString();
  }

  private static String resource(String name) {
    try (InputStream in = PeersBench.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing bench script " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path home(String user) throws IOException, InterruptedException {
    Process getent = new ProcessBuilder("getent", "passwd", user).start();
    String line = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (getent.waitFor() != 0 || line.isEmpty()) {
      throw new IllegalStateException("no passwd entry for " + user);
    }
    return Path.of(line.split(":")[5]);
  }
}
