package dev.slipway.node;

import static java.util.Objects.requireNonNull;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * One parameter of an {@link Action}: its name (from the compiled method, built with
 * {@code -parameters}) and type. {@link #parse} turns the text a user typed into that type.
 * Supported: {@code String}, {@code int}, {@code long}, {@code double}, {@code boolean} (and their
 * boxes), enums (by constant name, any case) and {@code java.nio.file.Path} (a local path).
 *
 * @param name the parameter's name, e.g. {@code commit}
 * @param type the parameter's type
 */
public record ActionParameter(String name, Class<?> type) {
  public ActionParameter {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }

  /** Whether {@link #parse} can convert text to this parameter's type. */
  public boolean convertible() {
    return type == String.class || type == Path.class || type.isEnum() || Primitive.of(type) != null;
  }

  /**
   * {@code text} converted to this parameter's type.
   *
   * @throws ActionArgumentException naming the parameter and what is expected
   */
  public Object parse(String text) {
    requireNonNull(text, "text");
    if (type == String.class) {
      return text;
    }
    if (type == Path.class) {
      try {
        return Path.of(text);
      } catch (InvalidPathException e) {
        throw invalid(text, "a file path (" + e.getReason() + ")");
      }
    }
    if (type.isEnum()) {
      return parseEnum(text);
    }
    Primitive primitive = Primitive.of(type);
    if (primitive == null) {
      throw new ActionArgumentException("argument '" + name + "' has type " + type.getName()
          + ", which cannot be given as text; call the action from Java instead");
    }
    return primitive.parse(this, text);
  }

  /** The type as shown to users: {@code String}, {@code int}, or an enum's constants. */
  public String describeType() {
    if (type.isEnum()) {
      return String.join("|", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
    }
    return type.getSimpleName();
  }

  private Object parseEnum(String text) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    throw invalid(text, "one of " + describeType());
  }

  ActionArgumentException invalid(String text, String expected) {
    return new ActionArgumentException("argument '" + name + "' must be " + expected + ", was '" + text + "'");
  }

  private enum Primitive {
    INT(int.class, Integer.class, "a whole number") {
      @Override Object convert(String text) {
        return Integer.parseInt(text);
      }
    },
    LONG(long.class, Long.class, "a whole number") {
      @Override Object convert(String text) {
        return Long.parseLong(text);
      }
    },
    DOUBLE(double.class, Double.class, "a number") {
      @Override Object convert(String text) {
        return Double.parseDouble(text);
      }
    },
    BOOLEAN(boolean.class, Boolean.class, "true or false (or yes/no)") {
      @Override Object convert(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
          case "true": case "yes": case "y": return true;
          case "false": case "no": case "n": return false;
          default: throw new IllegalArgumentException(text);
        }
      }
    };

    private final Class<?> primitive;
    private final Class<?> boxed;
    private final String expected;

    Primitive(Class<?> primitive, Class<?> boxed, String expected) {
      this.primitive = primitive;
      this.boxed = boxed;
      this.expected = expected;
    }

    abstract Object convert(String text);

    Object parse(ActionParameter parameter, String text) {
      try {
        return convert(text.strip());
      } catch (IllegalArgumentException e) {
        throw parameter.invalid(text, expected);
      }
    }

    static Primitive of(Class<?> type) {
      return Arrays.stream(values()).filter(p -> p.primitive == type || p.boxed == type).findFirst().orElse(null);
    }
  }
}
