package dev.slipway.examples.bench;

import dev.slipway.Host;
import dev.slipway.ssh.SshHost;
import dev.slipway.ssh.SshTransport;
import dev.slipway.ssh.testing.LocalAccount;
import dev.slipway.ssh.testing.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * 100 {@code true} commands against a real OpenSSH sshd on loopback: over one connection (one
 * exec channel each) versus a new connection each time, and with the {@code ssh} client for
 * scale. Prints channels, connections and wall time; needs root (it starts sshd and creates a
 * throw-away account, whose {@code /bin/sh} keeps shell start-up out of the numbers).
 *
 * <pre>
 * mvn -q -o -pl examples -am -DskipTests package dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
 * java -cp "examples/target/classes:$(cat examples/target/cp.txt)" dev.slipway.examples.bench.ChannelBench [commands]
 * </pre>
 */
public final class ChannelBench {
  private ChannelBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.log.com.jcraft.jsch", "warn");
    int commands = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    OpenSshServer.availability().ifPresent(reason -> {
      throw new IllegalStateException("cannot run the benchmark: " + reason);
    });
    Path dir = Files.createTempDirectory("slipway-bench",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    try (OpenSshServer sshd = OpenSshServer.in(dir.resolve("sshd")).start();
         LocalAccount account = LocalAccount.create("slwbench")) {
      SshHost.Builder builder = SshHost.builder("bench").address(sshd.address()).port(sshd.port())
          .user(account.name()).identity(sshd.clientKey()).knownHosts(sshd.knownHosts());
      oneConnection(builder, sshd, commands);
      connectionEach(builder, sshd, commands);
      sshClient(sshd, account, commands);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void oneConnection(SshHost.Builder builder, OpenSshServer sshd, int commands) {
    int accepted = sshd.connectionsAccepted();
    int sessions = sshd.sessionsStarted();
    long start = System.nanoTime();
    SshTransport transport = builder.transport();
    try (Host host = transport.host("bench")) {
      for (int i = 0; i < commands; i++) {
        host.run("true");
      }
    }
    report("one connection", start, transport.channelsOpened(), sshd.sessionsStarted() - sessions,
        sshd.connectionsAccepted() - accepted, commands);
  }

  private static void connectionEach(SshHost.Builder builder, OpenSshServer sshd, int commands) {
    int accepted = sshd.connectionsAccepted();
    int sessions = sshd.sessionsStarted();
    int channels = 0;
    long start = System.nanoTime();
    for (int i = 0; i < commands; i++) {
      SshTransport transport = builder.transport();
      try (Host host = transport.host("bench")) {
        host.run("true");
      }
      channels += transport.channelsOpened();
    }
    report("new connection each", start, channels, sshd.sessionsStarted() - sessions,
        sshd.connectionsAccepted() - accepted, commands);
  }

  private static void sshClient(OpenSshServer sshd, LocalAccount account, int commands) throws Exception {
    int accepted = sshd.connectionsAccepted();
    int sessions = sshd.sessionsStarted();
    long start = System.nanoTime();
    for (int i = 0; i < commands; i++) {
      Process ssh = new ProcessBuilder(List.of("ssh", "-q", "-i", sshd.clientKey().toString(),
          "-o", "UserKnownHostsFile=" + sshd.knownHosts(), "-o", "BatchMode=yes", "-F", "/dev/null",
          "-p", String.valueOf(sshd.port()), account.name() + "@" + sshd.address(), "true"))
          .inheritIO().start();
      if (ssh.waitFor() != 0) {
        throw new IllegalStateException("ssh failed with exit status " + ssh.exitValue());
      }
    }
    report("ssh client each", start, -1, sshd.sessionsStarted() - sessions,
        sshd.connectionsAccepted() - accepted, commands);
  }

  private static void report(String mode, long start, int channels, int sessions, int connections, int commands) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("%-20s %4d x true: %6d ms (%5.1f ms each), exec channels %s, sessions at sshd %d,"
            + " connections at sshd %d%n", mode, commands, millis, (double) millis / commands,
        channels < 0 ? "n/a" : String.valueOf(channels), sessions, connections);
  }
}
