package dev.slipway.provision;

import dev.slipway.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the secrets of a rendered file in its diff, on both sides: the new values, and the old
 * values on the host, found on the lines the template puts a secret on
 * ({@code password = {{ db_password }}} masks {@code password = old} as {@code password = [REDACTED]}).
 */
final class SecretMask {
  private static final String MARKER = "\u0001slipway-secret\u0001";

  private final List<String> values;
  private final List<Pattern> secretLines;

  private SecretMask(List<String> values, List<Pattern> secretLines) {
    this.values = values;
    this.secretLines = secretLines;
  }

  static SecretMask none() {
    return new SecretMask(List.of(), List.of());
  }

  /** The mask for what {@code renderer} makes of {@code variables}. */
  static SecretMask of(Renderer renderer, Map<String, ?> variables) {
    List<String> values = new ArrayList<>();
    Map<String, Object> marked = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (value instanceof Secret secret) {
        values.add(secret.reveal());
      }
      marked.put(name, value instanceof Secret ? MARKER : value);
    });
    if (values.isEmpty()) {
      return none();
    }
    List<Pattern> lines = renderer.render(marked).lines().filter(line -> line.contains(MARKER))
        .map(SecretMask::linePattern).toList();
    return new SecretMask(values.stream().filter(value -> !value.isEmpty()).toList(), lines);
  }

  /** The variables with every secret revealed, for rendering the real text. */
  static Map<String, Object> revealed(Map<String, ?> variables) {
    Map<String, Object> clear = new LinkedHashMap<>();
    variables.forEach((name, value) -> clear.put(name, value instanceof Secret secret ? secret.reveal() : value));
    return clear;
  }

  /** {@code text} with every secret, old or new, replaced by {@link Secret#MASK}. */
  String apply(String text) {
    if (values.isEmpty()) {
      return text;
    }
    StringBuilder masked = new StringBuilder();
    text.lines().forEach(line -> masked.append(maskLine(line)).append('\n'));
    return masked.toString();
  }

  private String maskLine(String line) {
    for (String value : values) {
      line = line.replace(value, Secret.MASK);
    }
    for (Pattern pattern : secretLines) {
      Matcher matcher = pattern.matcher(line);
      if (matcher.matches()) {
        StringBuilder masked = new StringBuilder(line);
        for (int group = matcher.groupCount(); group >= 1; group--) {
          masked.replace(matcher.start(group), matcher.end(group), Secret.MASK);
        }
        return masked.toString();
      }
    }
    return line;
  }

  private static Pattern linePattern(String markedLine) {
    StringBuilder regex = new StringBuilder();
    String[] pieces = markedLine.split(Pattern.quote(MARKER), -1);
    for (int i = 0; i < pieces.length; i++) {
      regex.append(i == 0 ? "" : "(.*?)").append(Pattern.quote(pieces[i]));
    }
    return Pattern.compile(regex.toString());
  }
}
