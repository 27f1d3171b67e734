package dev.slipway.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns the words a user typed into the values an action's parameters expect: {@code String},
 * {@code int}/{@code long} (and their boxes), {@code boolean}, any {@code enum} (by constant name,
 * case-insensitive) and {@code Path}.
 *
 * <pre>{@code
 * Object port = ArgumentConverter.convert("port", int.class, "8080");   // 8080
 * ArgumentConverter.convert("port", int.class, "80a");
 * // BadArgumentException: bad value for parameter port (int): "80a" is not a whole number
 * }</pre>
 */
public final class ArgumentConverter {
  private ArgumentConverter() {
  }

  /** {@code value} as a {@code type}, for the parameter named {@code parameter}. */
  public static Object convert(String parameter, Class<?> type, String value) {
    try {
      return convertOrThrow(type, value);
    } catch (IllegalArgumentException e) {
      throw new BadArgumentException("bad value for parameter " + parameter + " (" + type.getSimpleName() + "): \""
          + value + "\" " + e.getMessage());
    }
  }

  /** Whether {@link #convert} knows {@code type}. */
  public static boolean supports(Class<?> type) {
    return type == String.class || type == int.class || type == Integer.class || type == long.class
        || type == Long.class || type == boolean.class || type == Boolean.class || type.isEnum()
        || type == Path.class;
  }

  private static Object convertOrThrow(Class<?> type, String value) {
    if (type == String.class) {
      return value;
    }
    if (type == int.class || type == Integer.class) {
      return Integer.valueOf(wholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue());
    }
    if (type == long.class || type == Long.class) {
      return wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (type == boolean.class || type == Boolean.class) {
      return bool(value);
    }
    if (type.isEnum()) {
      return constant(type, value);
    }
    if (type == Path.class) {
      return path(value);
    }
    throw new IllegalArgumentException("cannot be converted: actions take only String, int, long, boolean, enum or Path");
  }

  private static Long wholeNumber(String value, long min, long max) {
    long number;
    try {
      number = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a whole number");
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException("is out of range (" + min + " to " + max + ")");
    }
    return number;
  }

  private static Boolean bool(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "y": case "1": case "on": return Boolean.TRUE;
      case "false": case "no": case "n": case "0": case "off": return Boolean.FALSE;
      default: throw new IllegalArgumentException("is not a boolean (true/false, yes/no, on/off, 1/0)");
    }
  }

  private static Path path(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a valid path (" + e.getReason() + ")");
    }
  }

  private static Object constant(Class<?> type, String value) {
    Object[] constants = type.getEnumConstants();
    return Arrays.stream(constants)
        .filter(constant -> ((Enum<?>) constant).name().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("is not one of " + Arrays.stream(constants)
            .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "))));
  }
}
