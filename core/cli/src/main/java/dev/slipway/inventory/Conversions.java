package dev.slipway.inventory;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts a variable's YAML or INI value to the Java type asked for. Strings convert to numbers,
 * booleans and paths because Ansible's INI {@code :vars} and {@code -e key=value} only carry
 * strings; YAML 1.1 booleans ({@code yes}, {@code on}...) are accepted since Ansible files use them.
 */
final class Conversions {
  private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");
  private static final Set<String> FALSE = Set.of("false", "no", "off", "n");

  private Conversions() {
  }

  /** {@code value} as {@code type}, or empty when it cannot be one. */
  static <T> Optional<T> convert(Object value, Class<T> type) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(convertOrNull(value, type)).map(type::cast);
  }

  /** A short name of {@code type} for messages, e.g. {@code a whole number (Integer)}. */
  static String describe(Class<?> type) {
    if (type == Integer.class || type == Long.class) {
      return "a whole number (" + type.getSimpleName() + ")";
    }
    if (type == Boolean.class) {
      return "a boolean (true/false, yes/no)";
    }
    if (type == List.class || type == Map.class) {
      return "a YAML " + (type == List.class ? "list" : "mapping");
    }
    return "a " + type.getSimpleName();
  }

  private static Object convertOrNull(Object value, Class<?> type) {
    if (type == String.class) {
      return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }
    if (type == Integer.class || type == Long.class) {
      return wholeNumber(value).filter(n -> type == Long.class ? n.bitLength() < 64 : n.bitLength() < 32)
          .map(n -> type == Long.class ? (Object) n.longValue() : (Object) n.intValue()).orElse(null);
    }
    if (type == Double.class) {
      return decimal(value);
    }
    if (type == Boolean.class) {
      return bool(value);
    }
    if (type == Path.class) {
      return value instanceof String s && !s.isEmpty() ? Path.of(s) : null;
    }
    if (type.isEnum() && value instanceof String s) {
      return enumConstant(type, s);
    }
    return type.isInstance(value) ? value : null;
  }

  private static Optional<BigInteger> wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return Optional.of(new BigInteger(value.toString()));
    }
    if (value instanceof String s && s.strip().matches("[-+]?\\d+")) {
      return Optional.of(new BigInteger(s.strip()));
    }
    return Optional.empty();
  }

  private static Double decimal(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return value instanceof String s ? Double.valueOf(s.strip()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String word = value.toString().strip().toLowerCase(Locale.ROOT);
    return TRUE.contains(word) ? Boolean.TRUE : FALSE.contains(word) ? Boolean.FALSE : null;
  }

  private static Object enumConstant(Class<?> type, String name) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equalsIgnoreCase(name.strip())) {
        return constant;
      }
    }
    return null;
  }
}
