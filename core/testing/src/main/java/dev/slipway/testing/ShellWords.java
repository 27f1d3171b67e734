package dev.slipway.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a simple shell command into words the way {@code sh} would, for the fake's built-in
 * commands. Only plain words and quoting are understood: a line with operators, expansions or
 * redirections ({@code ; & | < > $ `} outside quotes, or {@code $} and {@code `} inside double quotes)
 * is not simple and yields nothing.
 */
final class ShellWords {
  private ShellWords() {}

  /** The words of {@code line}, or empty if it is not a simple command. */
  static Optional<List<String>> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          return Optional.empty();
        }
        word.append(line, i + 1, end);
        i = end;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1, word);
        if (i < 0) {
          return Optional.empty();
        }
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (";&|<>$`(){}\n*?[~#".indexOf(c) >= 0) {
        return Optional.empty();
      } else {
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return Optional.of(words);
  }

  /** Appends a double-quoted part starting at {@code start}; the index of the closing quote, or -1. */
  private static int doubleQuoted(String line, int start, StringBuilder word) {
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        return i;
      } else if (c == '$' || c == '`') {
        return -1;
      } else if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
        word.append(line.charAt(++i));
      } else {
        word.append(c);
      }
    }
    return -1;
  }
}
