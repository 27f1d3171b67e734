package dev.slipway.service;

import java.time.Duration;
import java.util.Optional;

/** The {@code ps -o etime} form of a duration, {@code [[dd-]hh:]mm:ss}, as the supervisor reports uptimes. */
final class Elapsed {
  private Elapsed() {}

  static Optional<Duration> parse(String etime) {
    if (!etime.matches("(\\d+-)?(\\d+:){1,2}\\d+")) {
      return Optional.empty();
    }
    int dash = etime.indexOf('-');
    long days = dash < 0 ? 0 : Long.parseLong(etime.substring(0, dash));
    long seconds = 0;
    for (String part : etime.substring(dash + 1).split(":")) {
      seconds = seconds * 60 + Long.parseLong(part);
    }
    return Optional.of(Duration.ofDays(days).plusSeconds(seconds));
  }

  static String format(Duration uptime) {
    long seconds = uptime.toSeconds();
    return String.format("%d-%02d:%02d:%02d", seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
  }
}
