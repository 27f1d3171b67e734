package dev.slipway.provision;

import java.util.Map;

/**
 * Turns variables into a file's text: the front end's Pebble {@code Template::render} fits, so does
 * any other template engine.
 */
@FunctionalInterface
public interface Renderer {

  /** The text with {@code variables} filled in. */
  String render(Map<String, ?> variables);
}
