package dev.slipway.console;

import dev.slipway.Secret;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

/**
 * User interaction from inside an action: questions (confirm, choice, input, password), warnings
 * and progress.
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
 *
 * <p>This interface names no terminal library: the front end ({@code slipway-cli}) gives a
 * terminal console; {@link #nonInteractive} needs nothing but an output stream.
 */
public interface Console {

  /** A console that never asks and writes to {@code out}, for running actions from another program. */
  static Console nonInteractive(OutputStream out, boolean assumeYes) {
    return new PlainConsole(out, assumeYes);
  }

  /** Whether questions are asked (otherwise defaults are taken). */
  boolean isInteractive();

  /** Whether every confirmation is answered yes. */
  boolean assumesYes();

  /** Prints one line. */
  void println(String line);

  /** Prints a warning, highlighted where the output can show it. */
  void warning(String text);

  /** Asks a yes/no question that has no default answer. */
  boolean confirm(String question);

  /** Asks a yes/no question; an empty answer (or a non-interactive console) takes {@code defaultAnswer}. */
  boolean confirm(String question, boolean defaultAnswer);

  /** Asks to pick one of {@code options}, by number or by name; there is no default. */
  String choice(String question, List<String> options);

  /** Asks to pick one of {@code options}; an empty answer takes {@code defaultOption}. */
  String choice(String question, List<String> options, String defaultOption);

  /** Asks for a line of text that has no default; an empty answer asks again. */
  String input(String label);

  /** Asks for a line of text; an empty answer takes {@code defaultValue}. */
  String input(String label, String defaultValue);

  /** Asks for a password without echoing it. A non-interactive console cannot: it throws. */
  Secret password(String label);

  /** A progress display for {@code expected} units of work. */
  Progress progress(String message, int expected);

  /** One status line per host, all starting as {@code waiting}. */
  HostStatus hostStatus(Collection<String> hosts);
}
