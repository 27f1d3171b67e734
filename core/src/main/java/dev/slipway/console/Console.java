package dev.slipway.console;

import static java.util.Objects.requireNonNull;

import dev.slipway.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * User interaction from inside an action: questions (confirm, choice, input, password), warnings
 * and progress. Built on a JLine {@link Terminal}, so tests drive it with given streams.
 *
 * <pre>{@code
 * if (console.confirm("Restart gunicorn on all hosts?", true)) { ... }
 * String version = console.choice("Deploy which version?", List.of("v1", "v2"), "v2");
 * Secret token = console.password("API token");
 * }</pre>
 *
 * <p>A non-interactive console (the launcher's {@code --non-interactive}) never reads: each
 * question takes its default, and a question without a default throws
 * {@link UnansweredQuestionException} naming it. With {@code assumeYes}, every confirmation is
 * answered yes without asking. Questions from parallel host tasks are asked one at a time.
 */
public final class Console {
  private final Terminal terminal;
  private final boolean interactive;
  private final boolean assumeYes;
  private final LineReader reader;

  private Console(Terminal terminal, boolean interactive, boolean assumeYes) {
    this.terminal = requireNonNull(terminal, "terminal");
    this.interactive = interactive;
    this.assumeYes = assumeYes;
    this.reader = LineReaderBuilder.builder().terminal(terminal)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
  }

  /** An interactive console on {@code terminal}. */
  public static Console interactive(Terminal terminal) {
    return new Console(terminal, true, false);
  }

  /** A console on {@code terminal} that is interactive or not, and may answer every confirmation yes. */
  public static Console on(Terminal terminal, boolean interactive, boolean assumeYes) {
    return new Console(terminal, interactive, assumeYes);
  }

  /** A console that never asks and writes to {@code out}, for running actions from another program. */
  public static Console nonInteractive(OutputStream out, boolean assumeYes) {
    try {
      return new Console(new DumbTerminal(new ByteArrayInputStream(new byte[0]), out), false, assumeYes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether questions are asked (otherwise defaults are taken). */
  public boolean isInteractive() {
    return interactive;
  }

  /** Whether every confirmation is answered yes. */
  public boolean assumesYes() {
    return assumeYes;
  }

  /** The terminal this console reads and writes. */
  public Terminal terminal() {
    return terminal;
  }

  /** Whether the terminal understands colours and cursor movement. */
  public boolean isAnsi() {
    return !terminal.getType().startsWith(Terminal.TYPE_DUMB);
  }

  /** Prints one line. */
  public void println(String line) {
    writer().println(line);
    writer().flush();
  }

  /** Prints one line in {@code style} when the terminal has colours, plain otherwise. */
  public void println(String line, AttributedStyle style) {
    println(styled(line, style));
  }

  /** {@code text} in {@code style} as ANSI sequences, or plain on a dumb terminal. */
  public String styled(String text, AttributedStyle style) {
    return isAnsi() ? new AttributedString(text, style).toAnsi(terminal) : text;
  }

  /** Prints a warning, in yellow on a terminal. */
  public void warning(String text) {
    println("Warning: " + text, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold());
  }

  /** Asks a yes/no question that has no default answer. */
  public boolean confirm(String question) {
    return confirm(question, Optional.empty());
  }

  /** Asks a yes/no question; an empty answer (or a non-interactive console) takes {@code defaultAnswer}. */
  public boolean confirm(String question, boolean defaultAnswer) {
    return confirm(question, Optional.of(defaultAnswer));
  }

  private boolean confirm(String question, Optional<Boolean> defaultAnswer) {
    if (assumeYes) {
      println(question + " yes (--yes)");
      return true;
    }
    String hint = defaultAnswer.map(yes -> yes ? " [Y/n] " : " [y/N] ").orElse(" [y/n] ");
    return ask(question, hint, defaultAnswer, Console::yesOrNo);
  }

  private static Optional<Boolean> yesOrNo(String answer) {
    switch (answer.toLowerCase(Locale.ROOT)) {
      case "y": case "yes": return Optional.of(true);
      case "n": case "no": return Optional.of(false);
      default: return Optional.empty();
    }
  }

  /** Asks to pick one of {@code options}, by number or by name; there is no default. */
  public String choice(String question, List<String> options) {
    return choice(question, options, Optional.empty());
  }

  /** Asks to pick one of {@code options}; an empty answer takes {@code defaultOption}. */
  public String choice(String question, List<String> options, String defaultOption) {
    if (!options.contains(defaultOption)) {
      throw new IllegalArgumentException("default " + defaultOption + " is not one of " + options);
    }
    return choice(question, options, Optional.of(defaultOption));
  }

  private String choice(String question, List<String> options, Optional<String> defaultOption) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("no options to choose from for: " + question);
    }
    if (interactive) {
      for (int i = 0; i < options.size(); i++) {
        println(String.format("  %d) %s", i + 1, options.get(i)));
      }
    }
    String hint = defaultOption.map(option -> " [" + option + "] ").orElse(" [1-" + options.size() + "] ");
    return ask(question, hint, defaultOption, answer -> pick(options, answer));
  }

  private static Optional<String> pick(List<String> options, String answer) {
    if (options.contains(answer)) {
      return Optional.of(answer);
    }
    try {
      int number = Integer.parseInt(answer);
      return number >= 1 && number <= options.size() ? Optional.of(options.get(number - 1)) : Optional.empty();
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  /** Asks for a line of text that has no default; an empty answer asks again. */
  public String input(String label) {
    return ask(label, ": ", Optional.empty(), answer -> Optional.of(answer).filter(a -> !a.isEmpty()));
  }

  /** Asks for a line of text; an empty answer takes {@code defaultValue}. */
  public String input(String label, String defaultValue) {
    return ask(label, " [" + defaultValue + "]: ", Optional.of(defaultValue), answer -> Optional.of(answer));
  }

  /** Asks for a password without echoing it. A non-interactive console cannot: it throws. */
  public synchronized Secret password(String label) {
    if (!interactive) {
      throw new UnansweredQuestionException(label, "a password has no default and the console is non-interactive");
    }
    return Secret.of(read(label, label + ": ", '\0'));
  }

  /** A progress display for {@code expected} units of work. */
  public Progress progress(String message, int expected) {
    return isAnsi() ? new BarProgress(writer(), message, expected) : new LineProgress(writer(), message, expected);
  }

  /** One status line per host, all starting as {@code waiting}. */
  public HostStatus hostStatus(Collection<String> hosts) {
    return isAnsi() ? new RedrawnHostStatus(writer(), hosts) : new PrintedHostStatus(writer());
  }

  private synchronized <T> T ask(String question, String hint, Optional<T> defaultAnswer, Function<String, Optional<T>> parse) {
    if (!interactive) {
      T answer = defaultAnswer.orElseThrow(() -> new UnansweredQuestionException(question,
          "it has no default and the console is non-interactive"));
      println(question + hint.stripTrailing() + " " + answer + " (non-interactive: default)");
      return answer;
    }
    while (true) {
      String answer = read(question, question + hint, null).trim();
      if (answer.isEmpty() && defaultAnswer.isPresent()) {
        return defaultAnswer.get();
      }
      Optional<T> parsed = parse.apply(answer);
      if (parsed.isPresent()) {
        return parsed.get();
      }
      println("Please answer" + hint.stripTrailing());
    }
  }

  private String read(String question, String prompt, Character mask) {
    try {
      return reader.readLine(prompt, mask);
    } catch (EndOfFileException | UserInterruptException e) {
      throw new UnansweredQuestionException(question, "the input ended before an answer");
    }
  }

  private PrintWriter writer() {
    return terminal.writer();
  }
}
