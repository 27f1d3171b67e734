package dev.slipway.local;

import dev.slipway.CommandTimeoutException;
import dev.slipway.SlipwayException;
import dev.slipway.spi.ExecRequest;
import dev.slipway.spi.ExecResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs commands on this machine with commons-exec and does file operations with java.nio.
 *
 * <p>Each command runs as {@code sh -c SCRIPT} in the user's home directory (where an SSH login
 * starts, so that relative paths mean the same on every transport), in a process group of its own
 * ({@code setsid}): a timeout kills the whole group, so a {@code sleep} started by the script
 * cannot keep running or hold the output open. A script longer than {@value #MAX_INLINE_SCRIPT}
 * bytes is written to a private temporary file and run as {@code sh FILE}, because Linux limits one
 * {@code execve} argument to 128 KiB.
 *
 * <p>A pseudo-terminal is given through util-linux {@code script -qec} when that program exists:
 * output then arrives on stdout only, with {@code \r\n} line ends, and stdin is echoed. Without
 * {@code script} the request for a pty is ignored.
 */
public final class LocalTransport extends NioTransport {
  /** Scripts longer than this many bytes are run from a temporary file. */
  public static final int MAX_INLINE_SCRIPT = 64 * 1024;
  private static final Duration KILL_GRACE = Duration.ofSeconds(5);

  private final String name;
  private final Path home;
  private final boolean setsid;
  private final boolean script;

  /** A transport for this machine, reported under {@code name}. */
  public LocalTransport(String name) {
    super(new NioFiles(name, FileSystems.getDefault()));
    this.name = name;
    Path userHome = Path.of(System.getProperty("user.home", "/"));
    this.home = Files.isDirectory(userHome) ? userHome : Path.of("/");
    this.setsid = onPath("setsid");
    this.script = onPath("script");
  }

  @Override
  public ExecResult exec(ExecRequest request) {
    byte[] text = request.script().getBytes(StandardCharsets.UTF_8);
    boolean pty = request.pty() && script;
    // Under a pty the script travels inside script(1)'s own -c argument, run by the user's $SHELL:
    // a file name needs no quoting there and cannot outgrow the argument limit.
    Path scriptFile = text.length > MAX_INLINE_SCRIPT || pty ? scriptFile(text) : null;
    try {
      List<String> shell = scriptFile == null
          ? List.of("sh", "-c", request.script()) : List.of("sh", scriptFile.toString());
      return run(request, commandLine(shell, pty));
    } finally {
      if (scriptFile != null) {
        deleteQuietly(scriptFile);
      }
    }
  }

  private ExecResult run(ExecRequest request, List<String> command) {
    LineOutput stdout = new LineOutput(line -> request.output().line(false, line));
    LineOutput stderr = new LineOutput(line -> request.output().line(true, line));
    ProcessCapture process = new ProcessCapture();
    DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(home).get();
    executor.setExitValues(null);
    executor.setStreamHandler(new PumpStreamHandler(stdout, stderr, new ByteArrayInputStream(request.stdin())));
    executor.setProcessDestroyer(process);
    CommandLine line = new CommandLine(command.get(0));
    command.subList(1, command.size()).forEach(arg -> line.addArgument(arg, false));
    Instant start = Instant.now();
    try {
      executor.execute(line, null, process);
      if (!process.awaitExit(request.timeout())) {
        process.killGroup(KILL_GRACE);
        throw new CommandTimeoutException(name, request.command(), request.timeout().orElseThrow());
      }
    } catch (IOException e) {
      throw new SlipwayException(name + ": cannot start sh (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      process.killGroup(Duration.ZERO);
      Thread.currentThread().interrupt();
      throw new SlipwayException(name + ": interrupted while running " + request.command(), e);
    }
    stdout.finish();
    stderr.finish();
    return new ExecResult(process.exitStatus(), stdout.text(), stderr.text(), Duration.between(start, Instant.now()));
  }

  private List<String> commandLine(List<String> shell, boolean pty) {
    List<String> command = new ArrayList<>();
    if (setsid) {
      command.add("setsid");
    }
    if (pty) {
      command.addAll(List.of("script", "-qec", String.join(" ", shell), "/dev/null"));
    } else {
      command.addAll(shell);
    }
    return command;
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Arrays.stream(path.split(":")).filter(dir -> !dir.isEmpty())
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  private Path scriptFile(byte[] text) {
    try {
      Path file = Files.createTempFile("slipway-", ".sh",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot write a long script to a temporary file", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover private temp file is harmless; the command's outcome matters more
    }
  }

  @Override
  public void close() {
    // nothing is held open between commands
  }

  @Override
  public String toString() {
    return "local transport " + name;
  }
}
