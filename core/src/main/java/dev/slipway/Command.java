package dev.slipway;

import static java.util.Objects.requireNonNull;

import dev.slipway.internal.Quoting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A command to run on a host: its text plus how to run it (stdin, timeout, pty, whether failure
 * is expected, whether it only reads). Commands are immutable values; every {@code with}-style method returns a copy.
 *
 * <p>Quoting is never the caller's job. Arguments given to {@link #cmd} or to the {@code %s}
 * placeholders of {@link #format} are quoted by the library; {@link #shell}, and {@link #format}
 * without arguments, is a raw line, visibly so:
 *
 * <pre>{@code
 * host.run(Command.cmd("mkdir", "-p", releaseDir));          // mkdir -p '/srv/app/releases/…'
 * host.run("python3 -c %s", "print('hi')");                  // python3 -c 'print('"'"'hi'"'"')'
 * host.run("date +%s");                                      // no arguments: sent as written
 * host.run(Command.shell("grep -q x f").allowFailure());     // raw line; a non-zero exit is fine
 * }</pre>
 *
 * <p>{@link #toString()} is the form for logs, results and exceptions: {@link Secret} arguments
 * appear as {@value Secret#MASK}. {@link #render()} is the clear text sent to the host.
 */
public final class Command {
  private final List<Object> parts;
  private final byte[] stdin;
  private final Duration timeout;
  private final boolean pty;
  private final boolean allowFailure;
  private final boolean readOnly;

  private Command(Builder builder) {
    parts = builder.parts;
    stdin = builder.stdin;
    timeout = builder.timeout;
    pty = builder.pty;
    allowFailure = builder.allowFailure;
    readOnly = builder.readOnly;
  }

  /** This command with {@code change} applied to a builder of its settings. */
  private Command copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new Command(builder);
  }

  /** A raw shell line, sent as written. Use {@link #cmd} or {@link #format} for values. */
  public static Command shell(String line) {
    requireNonNull(line, "line");
    return new Command(new Builder(List.of(new Raw(line))));
  }

  /** A program and its arguments; each argument (a String, {@link Secret} or any object) is quoted. */
  public static Command cmd(String program, Object... args) {
    requireNonNull(program, "program");
    List<Object> parts = new ArrayList<>();
    parts.add(program);
    for (Object arg : args) {
      parts.add(new Raw(" "));
      parts.add(requireNonNull(arg, "argument"));
    }
    return new Command(new Builder(parts));
  }

  /**
   * A shell line with {@code %s} placeholders, each replaced by one quoted argument; {@code %%} is a
   * literal percent sign. Without arguments the line is sent as written, like {@link #shell}, so
   * {@code format("date +%s")} needs no escaping.
   */
  public static Command format(String template, Object... args) {
    requireNonNull(template, "template");
    if (args.length == 0) {
      return shell(template);
    }
    List<Object> parts = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '%' && i + 1 < template.length() && template.charAt(i + 1) == '%') {
        raw.append('%');
        i++;
      } else if (c == '%' && i + 1 < template.length() && template.charAt(i + 1) == 's') {
        if (next >= args.length) {
          throw new IllegalArgumentException("template has more %s than the " + args.length
              + " arguments given: " + template);
        }
        parts.add(new Raw(raw.toString()));
        raw.setLength(0);
        parts.add(requireNonNull(args[next++], "argument"));
        i++;
      } else {
        raw.append(c);
      }
    }
    if (next != args.length) {
      throw new IllegalArgumentException(args.length + " arguments given but the template has "
          + next + " %s: " + template);
    }
    parts.add(new Raw(raw.toString()));
    return new Command(new Builder(parts));
  }

  /** The same command with {@code text} (UTF-8) written to its standard input. */
  public Command withStdin(String text) {
    return withStdin(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The same command with {@code bytes} written to its standard input. */
  public Command withStdin(byte[] bytes) {
    return copy(builder -> builder.stdin = bytes.clone());
  }

  /** The same command, killed and reported as timed out after {@code limit}. */
  public Command withTimeout(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + limit);
    }
    return copy(builder -> builder.timeout = limit);
  }

  /** The same command, run with a pseudo-terminal where the transport has one. */
  public Command withPty() {
    return copy(builder -> builder.pty = true);
  }

  /** The same command, whose non-zero exit status is reported in the result instead of thrown. */
  public Command allowFailure() {
    return copy(builder -> builder.allowFailure = true);
  }

  /**
   * The same command, declared to change nothing on the host ({@code test -e}, {@code stat}, a
   * service's {@code status}): a dry run runs it for real, so that what follows sees the truth.
   */
  public Command readOnly() {
    return copy(builder -> builder.readOnly = true);
  }

  /** The clear text, secrets included (each quoted). Never log it. */
  public String render() {
    return render(secret -> Quoting.quote(secret.reveal()));
  }

  /**
   * The text with each secret replaced by what {@code secretText} gives for it, for renderers that
   * keep secrets off the command line (e.g. {@code "$SLIPWAY_SECRET_1"} read from stdin).
   */
  public String render(java.util.function.Function<Secret, String> secretText) {
    StringBuilder line = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Raw raw) {
        line.append(raw.text);
      } else if (part instanceof Secret secret) {
        line.append(secretText.apply(secret));
      } else {
        line.append(Quoting.quote(String.valueOf(part)));
      }
    }
    return line.toString();
  }

  /** The text as it may be shown: secrets masked. */
  @Override
  public String toString() {
    return render(secret -> Secret.MASK);
  }

  /** The standard input to send, if any. */
  public Optional<byte[]> stdin() {
    return Optional.ofNullable(stdin).map(byte[]::clone);
  }

  /** The time limit, if any. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Whether a pseudo-terminal was asked for. */
  public boolean pty() {
    return pty;
  }

  /** Whether a non-zero exit status is expected and must not throw. */
  public boolean failureAllowed() {
    return allowFailure;
  }

  /** Whether the command was declared to change nothing, so that a dry run runs it. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** The secrets this command carries, so that transports can mask them in what they report. */
  public List<Secret> secrets() {
    return parts.stream().filter(Secret.class::isInstance).map(Secret.class::cast).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Command c && c.render().equals(render()) && c.pty == pty
        && c.allowFailure == allowFailure && c.readOnly == readOnly && java.util.Objects.equals(c.timeout, timeout)
        && Arrays.equals(c.stdin, stdin);
  }

  @Override
  public int hashCode() {
    return render().hashCode();
  }

  private record Raw(String text) {}

  /** The settings of one {@code Command} while it, or a copy of it, is being made. */
  private static final class Builder {
    private final List<Object> parts;
    private byte[] stdin;
    private Duration timeout;
    private boolean pty;
    private boolean allowFailure;
    private boolean readOnly;

    private Builder(List<Object> parts) {
      this.parts = List.copyOf(parts);
    }

    private Builder(Command from) {
      parts = from.parts;
      stdin = from.stdin;
      timeout = from.timeout;
      pty = from.pty;
      allowFailure = from.allowFailure;
      readOnly = from.readOnly;
    }
  }
}
