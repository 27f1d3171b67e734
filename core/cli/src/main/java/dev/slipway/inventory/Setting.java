package dev.slipway.inventory;

import dev.slipway.Secret;

/** One variable's value and where it was set: a file (with its line, 0 if unknown) or a layer. */
record Setting(Object value, String source, int line) {

  /** {@code group_vars/web.yml line 3}, or just the source when the line is unknown. */
  String where() {
    return line > 0 ? source + " line " + line : source;
  }

  boolean isSecret() {
    return value instanceof Secret;
  }
}
