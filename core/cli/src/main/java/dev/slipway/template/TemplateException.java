package dev.slipway.template;

import dev.slipway.SlipwayException;

/** A template does not parse, is missing, or needs a variable that was not given. */
public class TemplateException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
