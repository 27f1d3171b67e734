package dev.slipway.console;

import dev.slipway.Secret;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The questions of a {@link Console} asked over lines of text: a subclass says how a line is read
 * and where lines go; defaults, retries and the non-interactive rules live here once.
 */
public abstract class LineConsole implements Console {
  private final boolean interactive;
  private final boolean assumeYes;

  /** A console that asks ({@code interactive}) or takes defaults, and may answer every confirmation yes. */
  protected LineConsole(boolean interactive, boolean assumeYes) {
    this.interactive = interactive;
    this.assumeYes = assumeYes;
  }

  /** Reads one line after {@code prompt}, masked when {@code secret}; empty when the input ended. */
  protected abstract Optional<String> readLine(String prompt, boolean secret);

  /** Where lines are printed. */
  protected abstract PrintWriter writer();

  /** Whether the output understands colours and cursor movement. */
  public abstract boolean isAnsi();

  /** {@code text} highlighted as a warning, where the output can show it. */
  protected String highlightWarning(String text) {
    return text;
  }

  @Override
  public boolean isInteractive() {
    return interactive;
  }

  @Override
  public boolean assumesYes() {
    return assumeYes;
  }

  @Override
  public void println(String line) {
    writer().println(line);
    writer().flush();
  }

  @Override
  public void warning(String text) {
    println(highlightWarning("Warning: " + text));
  }

  @Override
  public boolean confirm(String question) {
    return confirm(question, Optional.empty());
  }

  @Override
  public boolean confirm(String question, boolean defaultAnswer) {
    return confirm(question, Optional.of(defaultAnswer));
  }

  private boolean confirm(String question, Optional<Boolean> defaultAnswer) {
    if (assumeYes) {
      println(question + " yes (--yes)");
      return true;
    }
    String hint = defaultAnswer.map(yes -> yes ? " [Y/n] " : " [y/N] ").orElse(" [y/n] ");
    return ask(question, hint, defaultAnswer, LineConsole::yesOrNo);
  }

  private static Optional<Boolean> yesOrNo(String answer) {
    switch (answer.toLowerCase(Locale.ROOT)) {
      case "y": case "yes": return Optional.of(true);
      case "n": case "no": return Optional.of(false);
      default: return Optional.empty();
    }
  }

  @Override
  public String choice(String question, List<String> options) {
    return choice(question, options, Optional.empty());
  }

  @Override
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

  @Override
  public String input(String label) {
    return ask(label, ": ", Optional.empty(), answer -> Optional.of(answer).filter(a -> !a.isEmpty()));
  }

  @Override
  public String input(String label, String defaultValue) {
    return ask(label, " [" + defaultValue + "]: ", Optional.of(defaultValue), answer -> Optional.of(answer));
  }

  @Override
  public synchronized Secret password(String label) {
    if (!interactive) {
      throw new UnansweredQuestionException(label, "a password has no default and the console is non-interactive");
    }
    return Secret.of(read(label, label + ": ", true));
  }

  @Override
  public Progress progress(String message, int expected) {
    return isAnsi() ? new BarProgress(writer(), message, expected) : new LineProgress(writer(), message, expected);
  }

  @Override
  public HostStatus hostStatus(Collection<String> hosts) {
    return isAnsi() ? new RedrawnHostStatus(writer(), hosts) : new PrintedHostStatus(writer());
  }

  private synchronized <T> T ask(String question, String hint, Optional<T> defaultAnswer,
                                 Function<String, Optional<T>> parse) {
    if (!interactive) {
      T answer = defaultAnswer.orElseThrow(() -> new UnansweredQuestionException(question,
          "it has no default and the console is non-interactive"));
      println(question + hint.stripTrailing() + " " + answer + " (non-interactive: default)");
      return answer;
    }
    while (true) {
      String answer = read(question, question + hint, false).trim();
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

  private String read(String question, String prompt, boolean secret) {
    return readLine(prompt, secret).orElseThrow(() ->
        new UnansweredQuestionException(question, "the input ended before an answer"));
  }
}
