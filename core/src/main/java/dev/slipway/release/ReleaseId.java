package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release's name: the UTC time of the deploy as {@code yyyyMMddHHmmss} (the 14 digits Capistrano
 * and Ansistrano users know), with a {@code -N} suffix only when a release of that second already
 * exists, so two deploys in one second still get distinct ids. Ids order by time, then suffix.
 *
 * @param value e.g. {@code 20251022090030} or {@code 20251022090030-2}
 */
public record ReleaseId(String value) implements Comparable<ReleaseId> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{14})(?:-([1-9]\\d{0,3}))?");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  public ReleaseId {
    requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "release id must be 14 digits (yyyyMMddHHmmss) with an optional -N suffix, was: " + value);
    }
  }

  /** Whether {@code text} has the form of a release id. */
  public static boolean isValid(String text) {
    return FORMAT.matcher(text).matches();
  }

  /** The id for now, made unique against {@code taken} by the smallest free suffix. */
  public static ReleaseId at(Clock clock, Collection<ReleaseId> taken) {
    String second = SECONDS.format(clock.instant());
    ReleaseId id = new ReleaseId(second);
    for (int suffix = 2; taken.contains(id); suffix++) {
      id = new ReleaseId(second + "-" + suffix);
    }
    return id;
  }

  @Override
  public int compareTo(ReleaseId other) {
    int bySecond = second().compareTo(other.second());
    return bySecond != 0 ? bySecond : Integer.compare(suffix(), other.suffix());
  }

  private String second() {
    return value.substring(0, 14);
  }

  private int suffix() {
    Matcher m = FORMAT.matcher(value);
    m.matches();
    return m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
  }

  @Override
  public String toString() {
    return value;
  }
}
