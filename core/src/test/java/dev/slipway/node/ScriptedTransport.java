package dev.slipway.node;

import dev.slipway.FileInfo;
import dev.slipway.Host;
import dev.slipway.spi.ExecRequest;
import dev.slipway.spi.ExecResult;
import dev.slipway.spi.Transport;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transport for node tests: records the commands it is asked to run and answers with what
 * {@link #answer} says (exit 0 by default). The syntax check of dry-run ({@code sh -n}) is recorded
 * apart. Only commands: file operations are not needed here.
 */
final class ScriptedTransport implements Transport {
  private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
  private final List<String> syntaxChecks = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger closed = new AtomicInteger();
  private volatile Answer answer = command -> 0;

  /** A host named {@code name} over a new scripted transport. */
  static Host newHost(String name) {
    return new ScriptedTransport().host(name);
  }

  static ScriptedTransport of(Host host) {
    return host.unwrap(ScriptedTransport.class).orElseThrow();
  }

  /** Decides the exit status of each command; may block or throw. */
  @FunctionalInterface
  interface Answer {
    int exitStatus(String command) throws Exception;
  }

  ScriptedTransport answer(Answer answer) {
    this.answer = answer;
    return this;
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  List<String> syntaxChecks() {
    return List.copyOf(syntaxChecks);
  }

  int closeCount() {
    return closed.get();
  }

  @Override
  public ExecResult exec(ExecRequest request) {
    if (request.script().equals("sh -n")) {
      syntaxChecks.add(new String(request.stdin(), java.nio.charset.StandardCharsets.UTF_8));
      return new ExecResult(0, "", "", Duration.ZERO);
    }
    String command = request.command().toString();
    commands.add(command);
    try {
      int status = answer.exitStatus(command);
      return new ExecResult(status, "out of " + command + "\n", status == 0 ? "" : "failed: " + command + "\n",
          Duration.ofMillis(1));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    closed.incrementAndGet();
  }

  @Override
  public byte[] read(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void write(String path, byte[] content, int mode) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<FileInfo> stat(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<FileInfo> list(String directory) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void mkdirs(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void symlink(String target, String link) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<String> readLink(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void rename(String from, String to) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void delete(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void upload(InputStream content, String path, int mode) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void download(String path, OutputStream sink) {
    throw new UnsupportedOperationException();
  }
}
