package dev.slipway.shell;

import dev.slipway.node.ActionInfo;
import dev.slipway.node.ActionParameter;
import dev.slipway.node.Node;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the shell: commands, child nodes (also after {@code cd} and {@code --inspect},
 * there along a path such as {@code production/d}, and in front of an action, as in
 * {@code web deploy}), actions, and an action's arguments when
 * their type has known values (enum constants, booleans); otherwise the parameter's name and type
 * are shown as a hint.
 */
final class ShellCompleter implements Completer {
  static final List<String> COMMANDS = List.of("cd", "ls", "pwd", "find", "exit", "clear", "dry-run",
      "--inspect", "--run", "--run-with-sudo", "--connect", "--version", "help");
  private static final List<String> NAVIGATING = List.of("cd", "--inspect");

  private final Supplier<Node> current;

  ShellCompleter(Supplier<Node> current) {
    this.current = current;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> before = line.words().subList(0, line.wordIndex());
    if (before.isEmpty()) {
      COMMANDS.forEach(command -> candidates.add(new Candidate(command, command, "commands", null, null, null, true)));
      offerNodeAndActions(current.get(), candidates, true);
      return;
    }
    String first = before.get(0);
    if (NAVIGATING.contains(first)) {
      Navigation.tryWalk(current.get(), before.subList(1, before.size()))
          .ifPresent(node -> offerPaths(node, line.word().substring(0, line.wordCursor()), candidates));
      return;
    }
    if (first.equals("--connect")) {
      current.get().hosts().names().forEach(host -> candidates.add(new Candidate(host)));
      return;
    }
    List<String> words = first.equals("dry-run") ? before.subList(1, before.size()) : before;
    completeAction(current.get(), words, candidates);
  }

  private void completeAction(Node node, List<String> words, List<Candidate> candidates) {
    Node at = node;
    int i = 0;
    for (; i < words.size(); i++) {
      Optional<Node> child = child(at, words.get(i));
      if (child.isEmpty()) {
        break;
      }
      at = child.get();
    }
    if (i == words.size()) {
      offerNodeAndActions(at, candidates, true);
      return;
    }
    Optional<ActionInfo> action = at.action(words.get(i));
    int argument = words.size() - i - 1;
    action.filter(a -> argument < a.parameters().size())
        .ifPresent(a -> offerValues(a.parameters().get(argument), candidates));
  }

  /** Children of the node a partly typed path leads to ({@code production/d} offers {@code production/db}). */
  private static void offerPaths(Node node, String typed, List<Candidate> candidates) {
    int slash = typed.lastIndexOf('/');
    if (slash < 0) {
      offerNodeAndActions(node, candidates, false);
      return;
    }
    String parent = typed.substring(0, slash + 1);
    Navigation.tryWalk(node, List.of(slash == 0 ? "/" : parent.substring(0, slash))).ifPresent(at ->
        at.children().forEach(child -> candidates.add(new Candidate(parent + child.nodeName() + "/",
            child.nodeName() + "/", "nodes", null, null, null, false))));
  }

  private static void offerNodeAndActions(Node node, List<Candidate> candidates, boolean withActions) {
    node.children().forEach(child ->
        candidates.add(new Candidate(child.nodeName(), child.nodeName() + "/", "nodes", null, null, null, true)));
    if (withActions) {
      node.actions().stream().filter(ActionInfo::isPublic).forEach(action -> candidates.add(
          new Candidate(action.name(), action.name(), "actions", action.signature(), null, null, true)));
    }
  }

  private static void offerValues(ActionParameter parameter, List<Candidate> candidates) {
    Class<?> type = parameter.type();
    String hint = parameter.name() + ": " + parameter.describeType();
    if (type.isEnum()) {
      Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
          .forEach(value -> candidates.add(new Candidate(value, value, null, hint, null, null, true)));
    } else if (type == boolean.class || type == Boolean.class) {
      List.of("true", "false").forEach(value -> candidates.add(new Candidate(value, value, null, hint, null, null, true)));
    } else {
      // Nothing to complete: show what is expected without inserting anything.
      candidates.add(new Candidate("", "<" + hint + ">", null, null, null, null, false));
    }
  }

  private static Optional<Node> child(Node node, String name) {
    return node.children().stream().filter(child -> child.nodeName().equals(name)).findFirst();
  }
}
