package dev.slipway.inventory;

import dev.slipway.inventory.IniWords.Word;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Ansible's INI inventory format: {@code [group]} sections of host lines with inline
 * {@code key=value} variables, {@code [group:vars]} and {@code [group:children]} sections, host
 * ranges, {@code host:port}, and {@code #} or {@code ;} comments. Hosts before any section are
 * ungrouped.
 *
 * <p>Unquoted whole numbers such as {@code 22} become numbers and {@code True}/{@code False}
 * booleans, as in Ansible; everything else stays text, so {@code 01234} and {@code 1.10} keep
 * their digits (typed access still reads them as numbers). A quoted value stays a string
 * (Ansible would still read {@code "22"} as a number).
 */
final class IniInventoryParser {
  private static final Pattern SECTION = Pattern.compile("\\[([^:\\]\\s]+)(?::(\\w+))?]\\s*(?:[#;].*)?");
  private static final Pattern HOST_PORT = Pattern.compile("(.*[^:]):(\\d+)");

  private enum Kind { HOSTS, VARS, CHILDREN }

  private final String display;
  private final InventoryBuilder builder;
  private final Map<String, Setting> sectionVars = new LinkedHashMap<>();
  private Kind kind = Kind.HOSTS;
  private String group;

  private IniInventoryParser(String display, InventoryBuilder builder) {
    this.display = display;
    this.builder = builder;
  }

  /** Adds the groups, hosts and variables of {@code lines} to {@code builder}. */
  static void parse(List<String> lines, String display, InventoryBuilder builder) {
    IniInventoryParser parser = new IniInventoryParser(display, builder);
    for (int i = 0; i < lines.size(); i++) {
      parser.line(lines.get(i).strip(), i + 1);
    }
    parser.endSection();
  }

  private void line(String text, int number) {
    if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
      return;
    }
    if (text.startsWith("[")) {
      section(text, number);
      return;
    }
    switch (kind) {
      case HOSTS -> hosts(text, number);
      case VARS -> variable(text, number);
      default -> child(text, number);
    }
  }

  private void section(String text, int number) {
    Matcher header = SECTION.matcher(text);
    if (!header.matches()) {
      throw InventoryException.at(display, number, "invalid section header " + text
          + "; expected [group], [group:vars] or [group:children]");
    }
    endSection();
    group = header.group(1);
    String suffix = header.group(2);
    if (suffix == null || suffix.equals("hosts")) {
      kind = Kind.HOSTS;
    } else if (suffix.equals("vars")) {
      kind = Kind.VARS;
    } else if (suffix.equals("children")) {
      kind = Kind.CHILDREN;
    } else {
      throw InventoryException.at(display, number, "unknown section type :" + suffix + " in " + text
          + "; expected :vars or :children");
    }
    builder.declareGroup(group);
  }

  private void hosts(String text, int number) {
    List<Word> words = words(text, number);
    Map<String, Setting> inline = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      Word word = words.get(i);
      int equals = word.text().indexOf('=');
      if (equals <= 0) {
        throw InventoryException.at(display, number, "expected key=value host variable after the host, found "
            + shown(word.text(), "word " + (i + 1)));
      }
      String value = word.text().substring(equals + 1);
      inline.put(word.text().substring(0, equals), new Setting(value(new Word(value, word.quoted())), display, number));
    }
    String pattern = words.get(0).text();
    Matcher hostPort = HOST_PORT.matcher(pattern);
    if (hostPort.matches()) {
      pattern = hostPort.group(1);
      inline.putIfAbsent("ansible_port", new Setting(Integer.valueOf(hostPort.group(2)), display, number));
    }
    for (String host : expand(pattern, number)) {
      builder.addHost(group, host);
      if (!inline.isEmpty()) {
        builder.addHostLayer(host, new Layer("host " + host, display, inline));
      }
    }
  }

  private void variable(String text, int number) {
    int equals = text.indexOf('=');
    if (equals <= 0) {
      throw InventoryException.at(display, number, "expected key=value in [" + group + ":vars], found "
          + shown(text, "a line without '='"));
    }
    String key = text.substring(0, equals).strip();
    String raw = text.substring(equals + 1).strip();
    sectionVars.put(key, new Setting(value(quotedOrRaw(raw)), display, number));
  }

  /** One layer per {@code [group:vars]} section, so a group's INI variables are one place to look. */
  private void endSection() {
    if (!sectionVars.isEmpty()) {
      builder.addGroupLayer(group, new Layer("group " + group, display, sectionVars));
      sectionVars.clear();
    }
  }

  private void child(String text, int number) {
    String name = text.split("[\\s#;]", 2)[0];
    builder.addChild(group, name);
  }

  private List<String> expand(String pattern, int number) {
    try {
      return HostPatterns.expand(pattern);
    } catch (IllegalArgumentException e) {
      throw InventoryException.at(display, number, e.getMessage());
    }
  }

  /** The offending text if it is an Ansible setting name, else only {@code where}: it might be a stray secret. */
  private static String shown(String text, String where) {
    return text.matches("ansible_\\w+") ? text : where + " (not shown: it may be a secret)";
  }

  private List<Word> words(String text, int number) {
    try {
      return IniWords.split(text);
    } catch (IllegalArgumentException e) {
      throw InventoryException.at(display, number, e.getMessage());
    }
  }

  /** A {@code :vars} value: the rest of the line, without the quotes around it if it has them. */
  private static Word quotedOrRaw(String raw) {
    boolean quoted = raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.endsWith(raw.substring(0, 1));
    return quoted ? new Word(raw.substring(1, raw.length() - 1), true) : new Word(raw, false);
  }

  /** An unquoted word as a number or boolean when it reads as one, else the text; quoted words stay text. */
  private static Object value(Word quotable) {
    String word = quotable.text();
    if (quotable.quoted()) {
      return word;
    }
    if (word.matches("[-+]?(0|[1-9]\\d{0,8})")) {
      return Integer.valueOf(word);
    }
    if (word.equals("True") || word.equals("False") || word.equals("true") || word.equals("false")) {
      return Boolean.valueOf(word.equalsIgnoreCase("true"));
    }
    return word;
  }
}
