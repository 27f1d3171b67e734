package dev.slipway.ssh.internal;

import dev.slipway.ssh.SshConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What OpenSSH client config files ({@code ~/.ssh/config}, then {@code /etc/ssh/ssh_config}) say
 * for one host alias, read as {@code ssh} reads them: files in order, {@code Host} blocks whose
 * patterns ({@code *}, {@code ?}, {@code !}) match the alias, {@code Include} in place, and the
 * first value obtained for a keyword wins (every {@code IdentityFile} line adds a key).
 * {@code Match} blocks are skipped with a warning.
 */
public final class SshConfig {
  private static final Logger log = LoggerFactory.getLogger(SshConfig.class);
  private static final int MAX_INCLUDE_DEPTH = 16;

  private final String alias;
  private final Path home;
  private final Map<String, Value> values = new LinkedHashMap<>();
  private final List<Value> identityFiles = new ArrayList<>();

  private SshConfig(String alias, Path home) {
    this.alias = alias;
    this.home = home;
  }

  /**
   * The settings for {@code alias} from {@code files}, in order; files that do not exist are skipped.
   * {@code ~} in an {@code Include} is {@code home}.
   */
  public static SshConfig forAlias(String alias, List<Path> files, Path home) {
    SshConfig config = new SshConfig(alias, home);
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        config.read(file, file.toAbsolutePath().getParent(), 0);
      }
    }
    return config;
  }

  /** The arguments of the first line that set {@code keyword} (case-insensitive), if any. */
  public Optional<Value> value(String keyword) {
    return Optional.ofNullable(values.get(keyword.toLowerCase(Locale.ROOT)));
  }

  /** The first argument of {@code keyword}, if set. */
  public Optional<String> first(String keyword) {
    return value(keyword).map(v -> v.args().get(0));
  }

  /** Every {@code IdentityFile}, in the order read, unexpanded. */
  public List<Value> identityFiles() {
    return List.copyOf(identityFiles);
  }

  private void read(Path file, Path base, int depth) {
    boolean active = true;
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      List<String> words = words(lines.get(i));
      if (words.isEmpty()) {
        continue;
      }
      String keyword = words.get(0).toLowerCase(Locale.ROOT);
      List<String> args = words.subList(1, words.size());
      String origin = file + ":" + (i + 1);
      switch (keyword) {
        case "host" -> active = matches(alias, args);
        case "match" -> {
          log.warn("{}: 'Match' is not supported by Slipway; the block up to the next Host or Match is skipped",
              origin);
          active = false;
        }
        case "include" -> {
          if (active) {
            include(args, base, depth, origin);
          }
        }
        default -> {
          if (active && !args.isEmpty()) {
            set(keyword, new Value(List.copyOf(args), origin));
          }
        }
      }
    }
  }

  private void set(String keyword, Value value) {
    if (keyword.equals("identityfile")) {
      identityFiles.add(value);
    } else {
      values.putIfAbsent(keyword, value);
    }
  }

  private void include(List<String> patterns, Path base, int depth, String origin) {
    if (depth >= MAX_INCLUDE_DEPTH) {
      throw new SshConfigException(origin + ": Include nested more than " + MAX_INCLUDE_DEPTH + " deep (a loop?)");
    }
    for (String pattern : patterns) {
      String expanded = pattern.startsWith("~/") ? home + pattern.substring(1) : pattern;
      Path path = base.resolve(expanded);
      for (Path included : glob(path)) {
        if (Files.isRegularFile(included)) {
          read(included, base, depth + 1);
        }
      }
    }
  }

  // Wildcards are allowed in the last path element only, as in every Include seen in practice.
  private static List<Path> glob(Path path) {
    String name = path.getFileName().toString();
    if (!name.contains("*") && !name.contains("?")) {
      return List.of(path);
    }
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(path.getParent())) {
      return found;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path.getParent(), name)) {
      entries.forEach(found::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path.getParent(), e);
    }
    found.sort(null);
    return found;
  }

  /** Whether {@code host} matches a {@code Host} line: one pattern matches and no negated one does. */
  static boolean matches(String host, List<String> patterns) {
    boolean matched = false;
    for (String pattern : patterns) {
      boolean negated = pattern.startsWith("!");
      if (glob(negated ? pattern.substring(1) : pattern).matcher(host.toLowerCase(Locale.ROOT)).matches()) {
        if (negated) {
          return false;
        }
        matched = true;
      }
    }
    return matched;
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }

  /** A line's words: the keyword (which may end in {@code =}) and its arguments, double quotes grouping. */
  static List<String> words(String line) {
    String text = line.strip();
    if (text.isEmpty() || text.startsWith("#")) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean keyword = true;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (Character.isWhitespace(c) || (keyword && c == '='))) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
          keyword = false;
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SshConfigException("cannot read the ssh config " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The arguments a config line gave and where it is.
   *
   * @param args the arguments, unexpanded
   * @param origin {@code file:line}, for messages
   */
  public record Value(List<String> args, String origin) {}
}
