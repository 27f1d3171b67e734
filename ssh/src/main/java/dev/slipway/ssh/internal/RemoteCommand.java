package dev.slipway.ssh.internal;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.Session;
import dev.slipway.CommandTimeoutException;
import dev.slipway.ConnectionFailedException;
import dev.slipway.Secret;
import dev.slipway.internal.Quoting;
import dev.slipway.spi.ExecRequest;
import dev.slipway.spi.ExecResult;
import dev.slipway.spi.Sudo;
import dev.slipway.ssh.SudoPasswordException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one request in one exec channel: output read on two threads, stdin written on a third
 * (after the sudo password when sudo asks for it), the time limit enforced by signalling and
 * closing the channel.
 */
public final class RemoteCommand {
  private static final Logger log = LoggerFactory.getLogger(RemoteCommand.class);
  /** Longer command lines go through stdin: a single exec argument is limited (128 KiB on Linux). */
  static final int MAX_COMMAND_LINE = 64 * 1024;
  private static final String NO_TTY = "must have a tty to run sudo";
  /** Raw mode: the command's stdin passes the terminal byte for byte, without echo or signals. */
  private static final String RAW_TERMINAL = "stty raw -echo -iexten 2>/dev/null; ";
  private static final byte END_OF_FILE = 0x04;

  private final String host;
  private final ChannelGate gate;
  private final ExecutorService threads;
  private final Optional<Secret> sudoPassword;
  private final AtomicBoolean sudoNeedsTerminal = new AtomicBoolean();

  public RemoteCommand(String host, ChannelGate gate, ExecutorService threads, Optional<Secret> sudoPassword) {
    this.host = host;
    this.gate = gate;
    this.threads = threads;
    this.sudoPassword = sudoPassword;
  }

  /**
   * Runs {@code request} on {@code session}.
   *
   * @throws SessionDownException if the session was dead before anything was sent
   */
  public ExecResult run(Session session, ExecRequest request, Optional<Duration> timeout) {
    boolean sudo = request.sudo().isPresent() && !request.pty();
    ExecResult result = run(session, request, timeout, sudo && sudoNeedsTerminal.get());
    if (sudo && !sudoNeedsTerminal.get() && refusedWithoutTerminal(result)) {
      // requiretty in sudoers: sudo refused before running anything, so running it again is safe.
      log.debug("{}: sudo requires a terminal, running sudo commands on a pty from now on", host);
      sudoNeedsTerminal.set(true);
      return run(session, request, timeout, true);
    }
    return result;
  }

  private static boolean refusedWithoutTerminal(ExecResult result) {
    return result.exitStatus() == 1 && result.stdout().isEmpty() && result.stderr().startsWith("sudo: ")
        && result.stderr().contains(NO_TTY);
  }

  private ExecResult run(Session session, ExecRequest request, Optional<Duration> timeout, boolean terminal) {
    Instant start = Instant.now();
    Plan plan = plan(request, terminal);
    Io io = new Io();
    ChannelExec channel = gate.open(session, "exec", ChannelExec.class, ch -> {
      ch.setCommand(plan.command());
      ch.setPty(request.pty() || terminal);
      io.out = ch.getInputStream();
      io.err = ch.getExtInputStream();
      io.in = ch.getOutputStream();
    });
    SudoDialogue sudo = plan.sudo() ? new SudoDialogue() : null;
    Future<?> writer = threads.submit(() -> feed(io.in, plan.stdin(), sudo, request.pty() || terminal));
    try {
      Future<byte[]> stdout = threads.submit(new OutputPump(io.out, false, request.output(), sudo));
      Future<byte[]> stderr = threads.submit(new OutputPump(io.err, true, request.output(), sudo));
      long deadline = timeout.map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
      String out = utf8(await(stdout, deadline, session, request));
      String err = utf8(await(stderr, deadline, session, request));
      int status = exitStatus(channel);
      if (status == -1 && lostSoon(session)) {
        throw lost(request, null);
      }
      checkSudo(request, sudo, status, err);
      return new ExecResult(status, out, err, Duration.between(start, Instant.now()));
    } catch (TimeoutException e) {
      stop(channel);
      throw new CommandTimeoutException(host, request.command(), timeout.orElseThrow());
    } finally {
      if (sudo != null) {
        sudo.ended();
      }
      writer.cancel(true);
      gate.release(channel);
    }
  }

  private Plan plan(ExecRequest request, boolean terminal) {
    String script = request.script();
    Optional<Sudo> wrapped = request.sudo()
        .filter(s -> s.asksPassword() && sudoPassword.isPresent() || terminal);
    boolean sudo = wrapped.isPresent();
    if (sudo) {
      // Inside sudo, announce the start, so the password is known to be accepted before the
      // command's own stdin (maybe secrets) is sent: a wrong password must not see those lines.
      String command = Quoting.quote(wrapped.get().script());
      script = wrapped.get().prefix() + Quoting.quote((terminal ? RAW_TERMINAL : "") + "printf '%s\\n' "
          + Quoting.quote(SudoDialogue.STARTED_MARKER) + " >&2; " + (terminal ? terminalStdin(command, request)
          : "exec sh -c " + command));
    }
    if (script.getBytes(StandardCharsets.UTF_8).length <= MAX_COMMAND_LINE) {
      return new Plan(script, request.stdin(), sudo);
    }
    if (request.stdin().length == 0 && !sudo) {
      // The whole group is parsed before it runs, so the script's commands read /dev/null, not the script.
      return new Plan("sh -s", ("{\n" + script + "\n} </dev/null\n").getBytes(StandardCharsets.UTF_8), false);
    }
    throw new IllegalArgumentException("A script of more than " + MAX_COMMAND_LINE / 1024 + " KiB that also "
        + "needs stdin (its own input, secret arguments or a sudo password) cannot be sent to " + host
        + ": upload it as a file and run that file instead.");
  }

  // On a terminal the command reads exactly its stdin's length through a pipe, since a pty
  // gives no end of file when the channel's input ends.
  private static String terminalStdin(String command, ExecRequest request) {
    return request.stdin().length == 0 ? "exec sh -c " + command + " </dev/null"
        : "head -c " + request.stdin().length + " | sh -c " + command;
  }

  private void feed(OutputStream in, byte[] stdin, SudoDialogue sudo, boolean terminal) {
    try (in) {
      if (sudo != null && !sendPassword(in, sudo)) {
        if (terminal) {
          // sudo re-prompts on a terminal until it reads end of file; closing the channel's input is not one.
          in.write(END_OF_FILE);
          in.flush();
        }
        return;
      }
      in.write(stdin);
      in.flush();
    } catch (IOException e) {
      log.debug("{}: stdin closed early: {}", host, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether sudo let the command start; if not, closing stdin makes sudo give up at once. */
  private boolean sendPassword(OutputStream in, SudoDialogue sudo) throws IOException, InterruptedException {
    sudo.awaitPromptOrStart(1);
    if (sudo.hasPrompted(1) && !sudo.hasStarted()) {
      in.write((sudoPassword.orElseThrow().reveal() + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      sudo.awaitPromptOrStart(2);
    }
    return sudo.hasStarted();
  }

  private void checkSudo(ExecRequest request, SudoDialogue sudo, int status, String stderr) {
    String user = request.context().user().orElse("?");
    if (sudo != null && sudo.rejected()) {
      throw new SudoPasswordException(host, "sudo on " + host + " rejected the sudo password (to run as "
          + user + ": " + request.command() + "). Check sudoPassword(...) on the SshHost builder.");
    }
    boolean silent = request.sudo().filter(s -> !s.asksPassword()).isPresent();
    if (status == 1 && silent && stderr.contains("a password is required")) {
      throw new SudoPasswordException(host, "sudo on " + host + " needs a password to run as " + user + " ("
          + request.command() + "): give it with sudoPassword(...) on the SshHost builder, or allow the "
          + "login user NOPASSWD in the host's sudoers.");
    }
  }

  private byte[] await(Future<byte[]> output, long deadline, Session session, ExecRequest request)
      throws TimeoutException {
    try {
      return deadline == Long.MAX_VALUE ? output.get()
          : output.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw lost(request, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionFailedException(host, "Interrupted while running a command on " + host);
    }
  }

  private ConnectionFailedException lost(ExecRequest request, Throwable cause) {
    return new ConnectionFailedException(host, "Lost the connection to " + host + " while running: "
        + request.command() + ". It may or may not have finished, and it was not run again: check the "
        + "host before retrying.", cause);
  }

  // Without an exit status, either the command was killed by a signal or the session is going
  // down: JSch closes the channels before it marks the session disconnected.
  private static boolean lostSoon(Session session) {
    long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (session.isConnected() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return !session.isConnected();
  }

  // The exit status arrives just before the channel closes, after the end of the output.
  private static int exitStatus(ChannelExec channel) {
    waitClosed(channel, Duration.ofSeconds(10));
    return channel.getExitStatus();
  }

  // OpenSSH delivers a signal to the command's whole process group; with a pty, closing the
  // channel also hangs up the terminal's processes.
  private void stop(ChannelExec channel) {
    signal(channel, "TERM");
    if (!waitClosed(channel, Duration.ofSeconds(1))) {
      signal(channel, "KILL");
    }
  }

  private void signal(ChannelExec channel, String signal) {
    try {
      channel.sendSignal(signal);
    } catch (Exception e) {
      log.debug("{}: could not send SIG{}: {}", host, signal, e.getMessage());
    }
  }

  private static boolean waitClosed(ChannelExec channel, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!channel.isClosed() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return channel.isClosed();
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private record Plan(String command, byte[] stdin, boolean sudo) {}

  /** The channel's streams, taken before it connects. */
  private static final class Io {
    InputStream out;
    InputStream err;
    OutputStream in;
  }
}
