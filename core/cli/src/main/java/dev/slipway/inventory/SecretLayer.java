package dev.slipway.inventory;

import java.util.Optional;
import java.util.Set;

/** A {@link SecretSource} as one level of precedence; every secret it yields is registered for masking. */
record SecretLayer(SecretSource source, SecretMasker masker) implements Lookup {

  @Override
  public Optional<Setting> find(String key) {
    return source.lookup(key).map(secret -> new Setting(masker.register(secret), source.describe(key), 0));
  }

  @Override
  public Set<String> keys() {
    return Set.of();
  }

  @Override
  public String describe(String key) {
    return "secrets: " + source.describe(key);
  }
}
