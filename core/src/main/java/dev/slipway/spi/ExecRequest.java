package dev.slipway.spi;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.HostContext;
import java.time.Duration;
import java.util.Optional;

/**
 * One command for a transport to run, already rendered.
 *
 * @param command the command as the user gave it (for matching in fakes and masking in reports)
 * @param context the context it was rendered in
 * @param script the exact shell text to run, secrets in clear: never log it
 * @param stdin bytes for standard input (empty for none; stdin is then closed at once)
 * @param timeout the time limit, if any
 * @param pty whether to ask for a pseudo-terminal
 * @param output receives each output line while the command runs
 * @param sudo how {@code script} goes through sudo, if it does (its text is inside {@code script} too)
 */
public record ExecRequest(Command command, HostContext context, String script, byte[] stdin,
                          Optional<Duration> timeout, boolean pty, OutputSink output, Optional<Sudo> sudo) {
  public ExecRequest {
    requireNonNull(command, "command");
    requireNonNull(context, "context");
    requireNonNull(script, "script");
    requireNonNull(stdin, "stdin");
    requireNonNull(timeout, "timeout");
    requireNonNull(output, "output");
    requireNonNull(sudo, "sudo");
  }

  /** A request that does not go through sudo. */
  public ExecRequest(Command command, HostContext context, String script, byte[] stdin, Optional<Duration> timeout,
                     boolean pty, OutputSink output) {
    this(command, context, script, stdin, timeout, pty, output, Optional.empty());
  }

  /** Receives output lines as they arrive; called from the transport's reader threads. */
  @FunctionalInterface
  public interface OutputSink {
    /** A sink that drops everything. */
    OutputSink NONE = (stderr, line) -> { };

    void line(boolean stderr, String line);
  }
}
