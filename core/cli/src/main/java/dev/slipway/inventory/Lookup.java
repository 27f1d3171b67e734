package dev.slipway.inventory;

import java.util.Optional;
import java.util.Set;

/** One level of variable precedence: a file's variables, a secret source, the overrides. */
interface Lookup {

  /** The setting of {@code key} at this level, if it has one. */
  Optional<Setting> find(String key);

  /** The keys this level can list; secret sources cannot list theirs and return none. */
  Set<String> keys();

  /** Where {@code key} was looked for at this level, for "not found" messages. */
  String describe(String key);
}
