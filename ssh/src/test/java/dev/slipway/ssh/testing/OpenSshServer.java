package dev.slipway.ssh.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} for tests and benchmarks: its own config, host key, client key and
 * authorized_keys under a directory, listening on a free loopback port (or inside a network
 * namespace), logging at VERBOSE so that connections and sessions can be counted. Needs root and
 * {@code /usr/sbin/sshd}; {@link #availability()} says why not. Every directory above the one given
 * must be searchable by other users, since sshd reads authorized_keys as the user logging in.
 *
 * <pre>{@code
 * try (OpenSshServer sshd = OpenSshServer.in(Path.of("target/sshd")).start()) {
 *   Host host = SshHost.builder("sshd").address(sshd.address()).port(sshd.port()).user("root")
 *       .identity(sshd.clientKey()).knownHosts(sshd.knownHosts()).build();
 *   host.run("true");
 *   System.out.println(sshd.connectionsAccepted());   // 1
 * }
 * }</pre>
 *
 * Lives in main rather than test so that the benchmark in {@code examples} uses the same launcher
 * as the tests (core's FakeHost lives in main for the same reason); it depends on nothing but the JDK.
 */
public final class OpenSshServer implements AutoCloseable {
  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Path dir;
  private final String address;
  private final int port;
  private final Process process;

  private OpenSshServer(Path dir, String address, int port, Process process) {
    this.dir = dir;
    this.address = address;
    this.port = port;
    this.process = process;
  }

  /** A server that keeps its files in {@code directory} (created, and reused if it exists). */
  public static Builder in(Path directory) {
    return new Builder(directory.toAbsolutePath());
  }

  /** Empty when this machine can run the server; otherwise what is missing and how to fix it. */
  public static java.util.Optional<String> availability() {
    if (!Files.isExecutable(SSHD)) {
      return java.util.Optional.of(SSHD + " is missing: apt-get install -y openssh-server sudo (as .ci/run does)");
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return java.util.Optional.of("the OpenSSH tests start sshd and need root (they run as root in CI)");
    }
    return java.util.Optional.empty();
  }

  public String address() {
    return address;
  }

  public int port() {
    return port;
  }

  /** The private key (ed25519, OpenSSH format, no passphrase) that every user may log in with. */
  public Path clientKey() {
    return dir.resolve("client_ed25519");
  }

  /** A known_hosts file with this server's key for {@code [address]:port}. */
  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** The known_hosts line for this server. */
  public String knownHostsLine() {
    return read(knownHosts()).strip();
  }

  /** The fingerprint of the host key, {@code SHA256:…}. */
  public String hostKeyFingerprint() {
    String out = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("host_ed25519.pub").toString()));
    return out.split(" ")[1];
  }

  /** How many connections authenticated so far (lines {@code Accepted publickey} in the log). */
  public int connectionsAccepted() {
    return count("Accepted publickey for ");
  }

  /** How many exec and subsystem sessions started so far ({@code Starting session:} in the log). */
  public int sessionsStarted() {
    return count("Starting session: ");
  }

  /** How many exec sessions started so far ({@code Starting session: command} in the log; SFTP not counted). */
  public int execSessionsStarted() {
    return count("Starting session: command");
  }

  /** The server's log so far. */
  public String log() {
    return read(dir.resolve("sshd.log"));
  }

  /** Drops every open connection at once, as a network failure would; the server keeps listening. */
  public void dropConnections() {
    List<ProcessHandle> connections = process.descendants().toList();
    connections.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle connection : connections) {
      try {
        connection.onExit().get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("sshd process " + connection.pid() + " did not end", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Stops (SIGSTOP) every connection process, as a host that hangs would: the TCP connections stay
   * open but nothing answers. {@link #dropConnections()} ends them.
   */
  public void freezeConnections() {
    process.descendants().forEach(connection -> run(List.of("kill", "-STOP", String.valueOf(connection.pid()))));
  }

  /** Stops the server (its pid, then its connection processes). */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private int count(String marker) {
    return (int) log().lines().filter(line -> line.contains(marker)).count();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  /** Where and how the server listens; {@link #start()} launches it. */
  public static final class Builder {
    private final Path dir;
    private String address = "127.0.0.1";
    private Integer port;
    private String namespace;
    private String privateDirectory;
    private final List<String> config = new ArrayList<>();

    private Builder(Path dir) {
      this.dir = dir;
    }

    /** The loopback address to listen on; 127.0.0.1 by default. */
    public Builder listenAddress(String address) {
      this.address = requireNonNull(address, "address");
      return this;
    }

    /** The port; a free one by default. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Runs sshd inside a network namespace the caller created ({@code ip netns add NAME}). */
    public Builder networkNamespace(String name) {
      this.namespace = requireNonNull(name, "name");
      return this;
    }

    /**
     * Gives the server (and every session it starts) its own empty tmpfs at {@code path}, in a
     * mount namespace of its own: several servers on one machine then look like several machines
     * to a deploy into {@code path}.
     */
    public Builder privateDirectory(String path) {
      this.privateDirectory = requireNonNull(path, "path");
      return this;
    }

    /** An sshd_config line that overrides the defaults, e.g. {@code MaxSessions 4}. */
    public Builder config(String line) {
      config.add(line);
      return this;
    }

    /** Writes the files, starts sshd and waits until it listens. */
    public OpenSshServer start() {
      availability().ifPresent(reason -> {
        throw new IllegalStateException("cannot start sshd: " + reason);
      });
      try {
        Files.createDirectories(dir);
        // sshd reads authorized_keys as the logging-in user: the directory must be open to all.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(Path.of("/run/sshd"));
        int chosen = port != null ? port : freePort();
        key(dir.resolve("host_ed25519"));
        key(dir.resolve("client_ed25519"));
        Files.copy(dir.resolve("client_ed25519.pub"), dir.resolve("authorized_keys"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(dir.resolve("authorized_keys"), PosixFilePermissions.fromString("rw-r--r--"));
        String[] hostKey = read(dir.resolve("host_ed25519.pub")).split(" ");
        Files.writeString(dir.resolve("known_hosts"), "[" + address + "]:" + chosen + " " + hostKey[0] + " "
            + hostKey[1].strip() + "\n");
        Files.writeString(dir.resolve("sshd_config"), sshdConfig(chosen));
        Files.deleteIfExists(dir.resolve("sshd.log"));
        Process process = new ProcessBuilder(command())
            .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        OpenSshServer server = new OpenSshServer(dir, address, chosen, process);
        awaitListening(server, process);
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start sshd in " + dir, e);
      }
    }

    private List<String> command() {
      List<String> command = new ArrayList<>();
      if (namespace != null) {
        command.addAll(List.of("ip", "netns", "exec", namespace));
      }
      if (privateDirectory != null) {
        command.addAll(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
            "mkdir -p \"$0\" && mount -t tmpfs slipway \"$0\" && exec \"$@\"", privateDirectory));
      }
      command.addAll(List.of(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString()));
      return command;
    }

    private String sshdConfig(int chosenPort) {
      // sshd takes the first value of a keyword: the caller's lines go first.
      List<String> lines = new ArrayList<>(config);
      lines.addAll(List.of(
          "ListenAddress " + address + ":" + chosenPort,
          "HostKey " + dir.resolve("host_ed25519"),
          "PidFile " + dir.resolve("sshd.pid"),
          "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
          "StrictModes no",
          "UsePAM no",
          "PasswordAuthentication no",
          "KbdInteractiveAuthentication no",
          "PermitRootLogin prohibit-password",
          "LogLevel VERBOSE",
          "Subsystem sftp internal-sftp",
          "AllowTcpForwarding yes",
          "PrintMotd no",
          "MaxStartups 100",
          "MaxSessions 10"));
      return String.join("\n", lines) + "\n";
    }

    private static void key(Path file) throws IOException {
      if (!Files.exists(file)) {
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "slipway-test", "-f", file.toString()));
      }
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      }
    }

    private static void awaitListening(OpenSshServer server, Process process) {
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (!server.log().contains("Server listening on")) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          server.close();
          throw new IllegalStateException("sshd did not start: " + server.log());
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting sshd", e);
        }
      }
    }
  }
}
