package dev.slipway.terminal;

import dev.slipway.terminal.TerminalConsole;
import dev.slipway.node.ActionInfo;
import dev.slipway.node.Group;
import dev.slipway.node.Hosts;
import dev.slipway.node.Node;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedStyle;

/**
 * The tree as text for {@code list}, {@code inspect} and the shell: node names coloured by their
 * group, actions with their parameters.
 *
 * <pre>
 * /
 *   local_hello/
 *     hello()                 Say hello on every host
 *   remote_hello/  [production]
 *     hello()                 Say hello on every host
 * </pre>
 */
public final class TreeText {
  private final TerminalConsole console;

  public TreeText(TerminalConsole console) {
    this.console = console;
  }

  /** Prints {@code node}, its actions and every node below it, indented. */
  public void printTree(Node node) {
    printNode(node, 0);
  }

  private void printNode(Node node, int depth) {
    String indent = "  ".repeat(depth);
    String name = node.parent().isEmpty() ? "/" : node.nodeName() + "/";
    boolean ownGroup = !node.group().equals(node.parent().flatMap(Node::group));
    console.println(indent + nodeName(node, name) + (ownGroup ? groupTag(node) : ""));
    List<ActionInfo> actions = node.actions().stream().filter(ActionInfo::isPublic).toList();
    actions.forEach(action -> console.println(indent + "  " + describe(action, width(actions))));
    node.children().forEach(child -> printNode(child, depth + 1));
  }

  /** Prints the node's class, group, hosts by role, actions and children. */
  public void printInspection(Node node) {
    console.println("Node:     " + nodeName(node, node.path()));
    console.println("Class:    " + node.getClass().getName());
    console.println("Group:    " + node.group().map(Group::name).orElse("(none)"));
    console.println("Hosts:");
    Hosts hosts = node.hosts();
    if (hosts.roles().isEmpty()) {
      console.println("  (none)");
    }
    hosts.roles().forEach(role -> console.println("  " + role + ": " + String.join(", ", hosts.filter(role).names())));
    console.println("Actions:");
    if (node.actions().isEmpty()) {
      console.println("  (none)");
    }
    node.actions().forEach(action -> console.println("  " + describe(action, width(node.actions()))));
    console.println("Children:");
    if (node.children().isEmpty()) {
      console.println("  (none)");
    }
    node.children().forEach(child -> console.println("  " + nodeName(child, child.nodeName() + "/") + groupTag(child)));
  }

  /** The names of a node's children (with a trailing slash, coloured) and actions, for {@code ls}. */
  public List<String> entries(Node node) {
    List<String> entries = new ArrayList<>();
    node.children().forEach(child -> entries.add(nodeName(child, child.nodeName() + "/")));
    node.actions().stream().filter(ActionInfo::isPublic).forEach(action -> entries.add(action.name()));
    return entries;
  }

  /** {@code text} in the colour of {@code node}'s group, bold when it has none. */
  public String nodeName(Node node, String text) {
    return console.styled(text, style(node));
  }

  /** The style of a node's group: its colour, bold. */
  public static AttributedStyle style(Node node) {
    return node.group().map(group -> AttributedStyle.DEFAULT.foreground(group.color().ordinal()).bold())
        .orElse(AttributedStyle.BOLD);
  }

  private static String groupTag(Node node) {
    return node.group().map(group -> "  [" + group.name() + "]").orElse("");
  }

  private static int width(List<ActionInfo> actions) {
    return actions.stream().mapToInt(action -> action.signature().length()).max().orElse(0);
  }

  private static String describe(ActionInfo action, int width) {
    return action.description().isEmpty() ? action.signature()
        : String.format("%-" + width + "s  %s", action.signature(), action.description());
  }
}
