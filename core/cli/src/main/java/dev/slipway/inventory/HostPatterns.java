package dev.slipway.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands Ansible host ranges: {@code web[1:3]} is web1, web2, web3; {@code web[01:10]} keeps the
 * zero padding; {@code db-[a:c]} is db-a, db-b, db-c; {@code [1:9:2]} steps by 2; several ranges
 * in one pattern multiply.
 */
final class HostPatterns {
  private static final Pattern RANGE = Pattern.compile("\\[([A-Za-z0-9]*):([A-Za-z0-9]+)(?::(\\d+))?]");

  private HostPatterns() {
  }

  /** The host names {@code pattern} stands for; throws {@link IllegalArgumentException} saying why a range is invalid. */
  static List<String> expand(String pattern) {
    Matcher range = RANGE.matcher(pattern);
    if (!range.find()) {
      if (pattern.contains("[") || pattern.contains("]")) {
        throw new IllegalArgumentException("invalid host range in " + pattern + ": expected [start:end] or [start:end:step]");
      }
      return List.of(pattern);
    }
    String head = pattern.substring(0, range.start());
    List<String> tails = expand(pattern.substring(range.end()));
    List<String> names = new ArrayList<>();
    for (String item : items(range.group(1), range.group(2), range.group(3), pattern)) {
      tails.forEach(tail -> names.add(head + item + tail));
    }
    return names;
  }

  private static List<String> items(String start, String end, String step, String pattern) {
    int stride = step == null ? 1 : Integer.parseInt(step);
    if (stride < 1) {
      throw new IllegalArgumentException("host range step must be positive in " + pattern);
    }
    String first = start.isEmpty() ? "0" : start;
    if (first.matches("\\d+") && end.matches("\\d+")) {
      return numbers(first, end, stride, pattern);
    }
    if (first.matches("[A-Za-z]") && end.matches("[A-Za-z]")) {
      return letters(first.charAt(0), end.charAt(0), stride, pattern);
    }
    throw new IllegalArgumentException("host range [" + start + ":" + end + "] in " + pattern
        + " mixes letters and digits or uses more than one letter; use [1:9] or [a:f]");
  }

  private static List<String> numbers(String start, String end, int stride, String pattern) {
    boolean padded = start.length() > 1 && start.startsWith("0");
    if (padded && start.length() != end.length()) {
      throw new IllegalArgumentException("zero-padded host range [" + start + ":" + end + "] in " + pattern
          + " needs a start and end of equal length, e.g. [01:10]");
    }
    long from = Long.parseLong(start);
    long to = Long.parseLong(end);
    requireAscending(from, to, pattern);
    List<String> numbers = new ArrayList<>();
    for (long i = from; i <= to; i += stride) {
      numbers.add(padded ? String.format("%0" + start.length() + "d", i) : Long.toString(i));
    }
    return numbers;
  }

  private static List<String> letters(char start, char end, int stride, String pattern) {
    requireAscending(start, end, pattern);
    List<String> letters = new ArrayList<>();
    for (int c = start; c <= end; c += stride) {
      letters.add(String.valueOf((char) c));
    }
    return letters;
  }

  private static void requireAscending(long from, long to, String pattern) {
    if (from > to) {
      throw new IllegalArgumentException("host range in " + pattern + " ends before it starts");
    }
  }
}
