package dev.slipway.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INI host line into words the way Ansible does (POSIX shell rules: single and double
 * quotes, backslash escapes, {@code #} starting a comment at the start of a word), remembering
 * which words had quotes so that {@code port="22"} stays a string.
 */
final class IniWords {

  /** One word of a host line, without its quotes. */
  record Word(String text, boolean quoted) {
  }

  private IniWords() {
  }

  /** The words of {@code line}; throws {@link IllegalArgumentException} for an unterminated quote. */
  static List<Word> split(String line) {
    List<Word> words = new ArrayList<>();
    StringBuilder word = null;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(new Word(word.toString(), quoted));
          word = null;
        }
        continue;
      }
      if (word == null) {
        if (c == '#') {
          break;
        }
        word = new StringBuilder();
        quoted = false;
      }
      if (c == '\'' || c == '"') {
        i = quote(line, i, word);
        quoted = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else {
        word.append(c);
      }
    }
    if (word != null) {
      words.add(new Word(word.toString(), quoted));
    }
    return words;
  }

  /** Appends the quoted text starting at {@code open}; returns the index of the closing quote. */
  private static int quote(String line, int open, StringBuilder word) {
    char mark = line.charAt(open);
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == mark) {
        return i;
      }
      if (mark == '"' && c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
        c = line.charAt(++i);
      }
      word.append(c);
    }
    throw new IllegalArgumentException("unterminated " + (mark == '"' ? "double" : "single") + " quote starting at column " + (open + 1));
  }
}
