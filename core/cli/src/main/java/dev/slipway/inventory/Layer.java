package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import dev.slipway.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The variables one source sets for one owner, e.g. {@code group_vars/web.yml} for group
 * {@code web}, or the inline variables of host {@code web1} on line 3 of {@code hosts.ini}.
 */
record Layer(String owner, String source, Map<String, Setting> settings) implements Lookup {

  Layer {
    requireNonNull(owner, "owner");
    requireNonNull(source, "source");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** A layer of values given in code, e.g. defaults or {@code -e} overrides. */
  static Layer of(String owner, String source, Map<String, ?> values) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    values.forEach((key, value) -> settings.put(key, new Setting(value, source, 0)));
    return new Layer(owner, source, settings);
  }

  /** The same layer, its owner renamed (a group's file seen from one of its hosts). */
  Layer ownedBy(String newOwner) {
    return new Layer(newOwner, source, settings);
  }

  /**
   * The same layer with the string and number values of secret-looking keys wrapped in
   * {@link Secret} and registered with {@code masker}, so a password kept in plain YAML is still
   * never shown. Booleans are left alone: {@code use_token: true} is a switch, not a secret.
   */
  Layer hidingSecrets(Predicate<String> isSecretKey, SecretMasker masker) {
    Map<String, Setting> hidden = new LinkedHashMap<>();
    settings.forEach((key, setting) -> hidden.put(key, isSecretKey.test(key) ? hide(setting, masker) : setting));
    return new Layer(owner, source, hidden);
  }

  private static Setting hide(Setting setting, SecretMasker masker) {
    Object value = setting.value();
    if (value == null || value instanceof Secret || value instanceof Boolean || value instanceof Map || value instanceof List) {
      return setting;
    }
    return new Setting(masker.register(Secret.of(String.valueOf(value))), setting.source(), setting.line());
  }

  @Override
  public Optional<Setting> find(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  @Override
  public Set<String> keys() {
    return settings.keySet();
  }

  @Override
  public String describe(String key) {
    return source.startsWith(owner) ? source : source + " (" + owner + ")";
  }
}
