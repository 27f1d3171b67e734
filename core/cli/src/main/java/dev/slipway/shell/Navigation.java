package dev.slipway.shell;

import dev.slipway.SlipwayException;
import dev.slipway.node.Node;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code cd} words lead, python-deployer style: words are applied one after another, each a
 * child name, {@code ..}, {@code /}, or a path with slashes ({@code web/db}, {@code /production}).
 */
final class Navigation {
  private Navigation() {
  }

  /**
   * The node reached from {@code start} by {@code words}.
   *
   * @throws SlipwayException naming the first word that leads nowhere and the children there
   */
  static Node walk(Node start, List<String> words) {
    Node node = start;
    for (String word : words) {
      Node from = node;
      node = (word.equals("/") ? Optional.of(node.rootNode()) : node.find(word)).orElseThrow(() ->
          new SlipwayException("no node '" + word + "' under " + from.path() + "; its children: "
              + (from.children().isEmpty() ? "(none)" : String.join(", ", from.children().stream()
              .map(Node::nodeName).toList()))));
    }
    return node;
  }

  /** The node reached, or empty if a word leads nowhere. */
  static Optional<Node> tryWalk(Node start, List<String> words) {
    try {
      return Optional.of(walk(start, words));
    } catch (SlipwayException nowhere) {
      return Optional.empty();
    }
  }
}
