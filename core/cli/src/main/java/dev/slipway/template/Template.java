package dev.slipway.template;

import static java.util.Objects.requireNonNull;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A text template for configuration files (systemd units, nginx sites, env files), in Pebble's
 * Jinja-like syntax, so that Ansible's {@code .j2} templates render nearly unchanged:
 *
 * <pre>{@code
 * Template unit = Template.fromResource("/deploy/flask-demo.service.j2");
 * String text = unit.render(Map.of("deploy_to", "/opt/flask-demo", "shared_path", "/opt/flask-demo/shared"));
 * }</pre>
 *
 * <p>Rendering is strict: a variable the template uses but the map lacks is a
 * {@link TemplateException} naming it, instead of an empty string in a unit file. Nothing is
 * escaped (these are config files, not HTML). As with Ansible's template module ({@code trim_blocks}),
 * the newline right after a {@code {% ... %}} tag or a {@code {# ... #}} comment is dropped, and the
 * one after {@code {{ ... }}} is kept. Templates are immutable and thread-safe; parse once,
 * render many times.
 */
public final class Template {
  private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
      .loader(new StringLoader())
      .strictVariables(true)
      .autoEscaping(false)
      .cacheActive(false)
      .newLineTrimming(false)
      .build();
  // Ansible's trim_blocks: drop the newline after a block tag or comment, but not after {{ ... }}
  // (Pebble's own trimming would also eat it there). The newline moves into a comment, so error
  // line numbers stay right.
  private static final Pattern BLOCK_END_NEWLINE = Pattern.compile("([%#]})(\\r?\\n)");

  private final String name;
  private final PebbleTemplate compiled;

  private Template(String name, String text) {
    this.name = name;
    try {
      this.compiled = ENGINE.getLiteralTemplate(BLOCK_END_NEWLINE.matcher(text).replaceAll("$1{#$2#}"));
    } catch (PebbleException e) {
      throw new TemplateException("Template " + name + " does not parse: " + e.getMessage(), e);
    }
  }

  /** A template from its text; {@code name} appears in error messages. */
  public static Template fromString(String name, String text) {
    return new Template(requireNonNull(name, "name"), requireNonNull(text, "text"));
  }

  /**
   * A template read (UTF-8) from the class path, e.g. {@code "/deploy/app.service.j2"}; a path
   * without a leading slash is relative to the root as well.
   */
  public static Template fromResource(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : Template.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new TemplateException("Template resource " + resource + " is not on the class path");
      }
      return new Template(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template resource " + resource, e);
    }
  }

  /** The name given to {@link #fromString} or the resource path. */
  public String name() {
    return name;
  }

  /**
   * The text with {@code variables} filled in.
   *
   * @throws TemplateException naming the variable the template needs and the map lacks
   */
  public String render(Map<String, ?> variables) {
    StringWriter out = new StringWriter();
    try {
      compiled.evaluate(out, new LinkedHashMap<>(variables));
    } catch (AttributeNotFoundException e) {
      throw new TemplateException("Template " + name + " uses " + e.getAttributeName()
          + (e.getLineNumber() == null ? "" : " (line " + e.getLineNumber() + ")")
          + " but no value was given for it; variables given: " + variables.keySet().stream().sorted().toList(), e);
    } catch (PebbleException e) {
      throw new TemplateException("Template " + name + " failed to render: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Template[" + name + "]";
  }
}
