package dev.slipway.terminal;

import static java.util.Objects.requireNonNull;

import dev.slipway.console.Console;
import dev.slipway.console.LineConsole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * A {@link Console} on a JLine {@link Terminal}: line editing, masked passwords, colours, and
 * progress redrawn in place. Tests drive it with a terminal on given streams.
 *
 * <pre>{@code
 * TerminalConsole console = TerminalConsole.interactive(TerminalBuilder.builder().system(true).build());
 * console.println("deploying", AttributedStyle.BOLD);
 * }</pre>
 */
public final class TerminalConsole extends LineConsole {
  private final Terminal terminal;
  private final LineReader reader;

  private TerminalConsole(Terminal terminal, boolean interactive, boolean assumeYes) {
    super(interactive, assumeYes);
    this.terminal = requireNonNull(terminal, "terminal");
    this.reader = LineReaderBuilder.builder().terminal(terminal)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
  }

  /** An interactive console on {@code terminal}. */
  public static TerminalConsole interactive(Terminal terminal) {
    return new TerminalConsole(terminal, true, false);
  }

  /** A console on {@code terminal} that is interactive or not, and may answer every confirmation yes. */
  public static TerminalConsole on(Terminal terminal, boolean interactive, boolean assumeYes) {
    return new TerminalConsole(terminal, interactive, assumeYes);
  }

  /** A console that never asks and writes to {@code out} through a dumb terminal (no colours). */
  public static TerminalConsole nonInteractive(OutputStream out, boolean assumeYes) {
    try {
      return new TerminalConsole(new DumbTerminal(new ByteArrayInputStream(new byte[0]), out), false, assumeYes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The terminal this console reads and writes. */
  public Terminal terminal() {
    return terminal;
  }

  @Override
  public boolean isAnsi() {
    return !terminal.getType().startsWith(Terminal.TYPE_DUMB);
  }

  /** Prints one line in {@code style} when the terminal has colours, plain otherwise. */
  public void println(String line, AttributedStyle style) {
    println(styled(line, style));
  }

  /** {@code text} in {@code style} as ANSI sequences, or plain on a dumb terminal. */
  public String styled(String text, AttributedStyle style) {
    return isAnsi() ? new AttributedString(text, style).toAnsi(terminal) : text;
  }

  @Override
  protected String highlightWarning(String text) {
    return styled(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold());
  }

  @Override
  protected Optional<String> readLine(String prompt, boolean secret) {
    try {
      return Optional.of(reader.readLine(prompt, secret ? '\0' : null));
    } catch (EndOfFileException | UserInterruptException e) {
      return Optional.empty();
    }
  }

  @Override
  protected PrintWriter writer() {
    return terminal.writer();
  }
}
