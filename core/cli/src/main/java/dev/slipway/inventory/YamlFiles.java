package dev.slipway.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML files into nodes that keep their line, then into plain Java values. Composing first
 * (rather than loading straight to maps) is what lets every variable remember its line and lets a
 * repeated key be reported with both lines, where Ansible only warns and keeps the last.
 */
final class YamlFiles {
  private static final Logger log = LoggerFactory.getLogger(YamlFiles.class);
  private static final String VAULT_FILE_HEADER = "$ANSIBLE_VAULT;";
  private static final String VAULT_TAG = "!vault";
  private static final Tag UNSAFE_TAG = new Tag("!unsafe");

  private YamlFiles() {
  }

  /**
   * The document in {@code file}, empty if the file has none or is encrypted with ansible-vault
   * (which Slipway cannot decrypt: such values come from a {@link SecretSource} instead); errors
   * name {@code display} and the line.
   */
  static Optional<Node> compose(Path file, String display) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (text.startsWith(VAULT_FILE_HEADER)) {
      log.warn("{} is encrypted with ansible-vault, which Slipway cannot decrypt; it is not used: "
          + "provide its variables through a SecretSource", display);
      return Optional.empty();
    }
    return composeText(text, display);
  }

  /** The document in {@code text}; errors name {@code display} and the line. */
  static Optional<Node> composeText(String text, String display) {
    try {
      return new Compose(settings(display)).composeString(text);
    } catch (YamlEngineException e) {
      throw malformed(display, e);
    }
  }

  /** The variables of a mapping node, each with its line; an empty document has none. */
  static Map<String, Setting> settings(Optional<Node> document, String display) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    if (document.isEmpty() || isNull(document.get())) {
      return settings;
    }
    Map<String, Integer> firstLines = new HashMap<>();
    for (NodeTuple entry : mapping(document.get(), display, "variables (name: value)").getValue()) {
      String key = key(entry.getKeyNode(), display);
      int line = line(entry.getKeyNode());
      Integer previous = firstLines.putIfAbsent(key, line);
      if (previous != null) {
        log.warn("{} line {}: {} is set again (first on line {}); the last value wins, as in Ansible", display, line, key, previous);
      }
      if (entry.getValueNode().getTag().getValue().equals(VAULT_TAG)) {
        log.warn("{} line {}: {} is encrypted with ansible-vault (!vault), which Slipway cannot decrypt; it is left out: "
            + "provide it through a SecretSource", display, line, key);
        settings.remove(key);
        continue;
      }
      settings.put(key, new Setting(value(entry.getValueNode(), display), display, line));
    }
    return settings;
  }

  /** {@code node} as a mapping, or an error saying what was expected at its line. */
  static MappingNode mapping(Node node, String display, String expected) {
    if (node instanceof MappingNode mapping) {
      return mapping;
    }
    throw InventoryException.at(display, line(node), "expected " + expected + ", found " + kind(node));
  }

  /** A mapping key as a string; keys must be scalars. */
  static String key(Node node, String display) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    throw InventoryException.at(display, line(node), "expected a name as key, found " + kind(node));
  }

  /** The Java value of {@code node}: String, Integer/Long/BigInteger, Double, Boolean, List, Map or null. */
  static Object value(Node node, String display) {
    try {
      return new StandardConstructor(settings(display)).constructSingleDocument(Optional.of(node));
    } catch (YamlEngineException e) {
      throw malformed(display, e);
    }
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** The 1-based line where {@code node} starts, 0 if unknown. */
  static int line(Node node) {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
  }

  private static String kind(Node node) {
    if (isNull(node)) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case MAPPING -> "a mapping";
      case SEQUENCE -> "a list";
      default -> "a single value";
    };
  }

  private static LoadSettings settings(String display) {
    return LoadSettings.builder().setLabel(display).setSchema(new CoreSchema()).setAllowDuplicateKeys(true)
        .setTagConstructors(Map.of(UNSAFE_TAG, YamlFiles::unsafeText)).build();
  }

  /** Ansible's {@code !unsafe} marks text that must not be templated; Slipway never templates, so it is plain text. */
  private static Object unsafeText(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    throw InventoryException.at(node.getStartMark().map(Mark::getName).orElse("YAML"), line(node), "!unsafe applies to text only");
  }

  // The cause is left out on purpose: snakeyaml's message quotes the offending line, which may hold a secret.
  private static InventoryException malformed(String display, YamlEngineException e) {
    if (e instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
      int line = marked.getProblemMark().get().getLine() + 1;
      String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
      return InventoryException.at(display, line, "malformed YAML: " + context + marked.getProblem());
    }
    return new InventoryException(display + ": malformed YAML: " + e.getMessage());
  }
}
