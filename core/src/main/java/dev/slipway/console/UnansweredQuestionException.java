package dev.slipway.console;

import dev.slipway.SlipwayException;

/**
 * A question could not be answered: it has no default and the console is non-interactive, or the
 * input ended before an answer came. The message names the question.
 */
public class UnansweredQuestionException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final String question;

  public UnansweredQuestionException(String question, String reason) {
    super("Cannot answer \"" + question + "\": " + reason);
    this.question = question;
  }

  /** The question that went unanswered. */
  public String question() {
    return question;
  }
}
