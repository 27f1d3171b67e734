package dev.slipway.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads Ansible's YAML inventory format: top-level groups (usually {@code all}), each a mapping
 * with {@code hosts} (host pattern to variables), {@code vars} and {@code children} (more groups).
 */
final class YamlInventoryParser {
  private final String display;
  private final InventoryBuilder builder;

  private YamlInventoryParser(String display, InventoryBuilder builder) {
    this.display = display;
    this.builder = builder;
  }

  /** Adds the groups, hosts and variables of {@code file} to {@code builder}. */
  static void parse(Path file, String display, InventoryBuilder builder) {
    Optional<Node> document = YamlFiles.compose(file, display);
    if (document.isEmpty() || YamlFiles.isNull(document.get())) {
      return;
    }
    YamlInventoryParser parser = new YamlInventoryParser(display, builder);
    for (NodeTuple group : YamlFiles.mapping(document.get(), display, "groups, e.g. all:").getValue()) {
      parser.group(YamlFiles.key(group.getKeyNode(), display), group.getValueNode());
    }
  }

  private void group(String name, Node node) {
    builder.declareGroup(name);
    if (YamlFiles.isNull(node)) {
      return;
    }
    for (NodeTuple entry : YamlFiles.mapping(node, display, "hosts, vars or children of group " + name).getValue()) {
      String key = YamlFiles.key(entry.getKeyNode(), display);
      Node value = entry.getValueNode();
      switch (key) {
        case "hosts" -> hosts(name, value);
        case "vars" -> builder.addGroupLayer(name, new Layer("group " + name, display, YamlFiles.settings(Optional.of(value), display)));
        case "children" -> children(name, value);
        default -> throw InventoryException.at(display, YamlFiles.line(entry.getKeyNode()),
            "unexpected key " + key + " in group " + name + "; a group has hosts, vars and children");
      }
    }
  }

  private void hosts(String group, Node node) {
    if (YamlFiles.isNull(node)) {
      return;
    }
    for (NodeTuple entry : mapping(node, "hosts of group " + group + " (name: variables)").getValue()) {
      String pattern = YamlFiles.key(entry.getKeyNode(), display);
      Layer vars = new Layer("host " + pattern, display, YamlFiles.settings(Optional.of(entry.getValueNode()), display));
      for (String host : expand(pattern, YamlFiles.line(entry.getKeyNode()))) {
        builder.addHost(group, host);
        if (!vars.settings().isEmpty()) {
          builder.addHostLayer(host, vars.ownedBy("host " + host));
        }
      }
    }
  }

  private void children(String parent, Node node) {
    if (YamlFiles.isNull(node)) {
      return;
    }
    for (NodeTuple entry : mapping(node, "child groups of " + parent).getValue()) {
      String child = YamlFiles.key(entry.getKeyNode(), display);
      builder.addChild(parent, child);
      group(child, entry.getValueNode());
    }
  }

  private MappingNode mapping(Node node, String expected) {
    return YamlFiles.mapping(node, display, expected);
  }

  private List<String> expand(String pattern, int line) {
    try {
      return HostPatterns.expand(pattern);
    } catch (IllegalArgumentException e) {
      throw InventoryException.at(display, line, e.getMessage());
    }
  }
}
