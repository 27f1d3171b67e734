package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import dev.slipway.Secret;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The variables one host sees in one environment, merged from every layer by precedence, lowest
 * first:
 *
 * <ol>
 *   <li><b>defaults</b> given by the application ({@link Environment#withDefaults});
 *   <li><b>common</b>: group {@code all}, then the groups the environment's group is a child of;
 *   <li><b>environment</b>: the group named like the environment, e.g. {@code group_vars/prod.yml};
 *   <li><b>group</b>: the host's other groups, parent groups before child groups, then by name;
 *   <li><b>host</b>: inline variables in the inventory, then {@code host_vars/NAME.yml};
 *   <li><b>secrets</b> from {@link SecretSource}s, the last one added winning;
 *   <li><b>overrides</b>: {@code -e key=value} ({@link Environment#withOverrides}).
 * </ol>
 *
 * Within a group or host, inventory-file values come before {@code group_vars}/{@code host_vars}
 * files, and files of the inventory's directory before those of the playbook directory, as in
 * Ansible. A value replaces a lower one whole: mappings are not merged.
 *
 * <pre>{@code
 * Variables vars = environment.host("web1").vars();
 * Path deployTo = vars.get("deploy_to", Path.class);
 * int keep = vars.getOrDefault("keep_releases", Integer.class, 5);
 * List<String> shared = vars.list("shared_paths", String.class);
 * Secret password = vars.secret("db_password");
 * vars.origin("deploy_to");                      // "group_vars/web.yml"
 * }</pre>
 *
 * <p>A missing or ill-typed variable throws {@link VariableException} naming the variable and
 * every place it was looked for. Secret values (from a {@link SecretSource}, or under a
 * secret-looking key such as {@code db_password}) are {@link Secret}s: {@code get(key,
 * String.class)} refuses them, and {@link #toString()} and messages mask them. Immutable.
 */
public final class Variables {
  private static final int SHOWN_VALUE_LENGTH = 60;

  private final String owner;
  private final List<Lookup> levels;
  private final SecretMasker masker;
  private final String prefix;

  Variables(String owner, List<Lookup> levels, SecretMasker masker) {
    this(owner, levels, masker, "");
  }

  private Variables(String owner, List<Lookup> levels, SecretMasker masker, String prefix) {
    this.owner = requireNonNull(owner, "owner");
    this.levels = List.copyOf(levels);
    this.masker = requireNonNull(masker, "masker");
    this.prefix = requireNonNull(prefix, "prefix");
  }

  /**
   * A view whose keys are read with {@code prefix} in front, for tools that namespace their
   * variables: {@code vars.withPrefix("ansistrano_").get("deploy_to", Path.class)} reads
   * {@code ansistrano_deploy_to}.
   */
  public Variables withPrefix(String prefix) {
    return new Variables(owner, levels, masker, this.prefix + prefix);
  }

  /** The value of {@code key} as {@code type}; throws {@link VariableException} if missing or ill-typed. */
  public <T> T get(String key, Class<T> type) {
    return typed(required(key), key, type);
  }

  /** The value of {@code key} as {@code type}, or {@code fallback} if it is not set or empty. */
  public <T> T getOrDefault(String key, Class<T> type, T fallback) {
    Optional<Setting> setting = find(key).filter(s -> s.value() != null);
    return setting.isPresent() ? typed(setting.get(), key, type) : fallback;
  }

  /** The list under {@code key}, each element converted to {@code elementType}. */
  public <E> List<E> list(String key, Class<E> elementType) {
    Setting setting = required(key);
    List<?> raw = typed(setting, key, List.class);
    List<E> converted = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      int index = i;
      converted.add(Conversions.convert(raw.get(i), elementType).orElseThrow(() ->
          illTyped(key, "element " + index + " of", raw.get(index), setting, elementType)));
    }
    return Collections.unmodifiableList(converted);
  }

  /** The mapping under {@code key}. */
  public Map<String, Object> map(String key) {
    Map<?, ?> raw = get(key, Map.class);
    Map<String, Object> copy = new LinkedHashMap<>();
    raw.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return Collections.unmodifiableMap(copy);
  }

  /** The value of {@code key} as a {@link Secret}, whatever layer it came from; now masked everywhere. */
  public Secret secret(String key) {
    return asSecret(required(key), key);
  }

  /** Whether {@code key} is set in any layer (secret sources included). */
  public boolean contains(String key) {
    return find(key).isPresent();
  }

  /** Where the value of {@code key} comes from, e.g. {@code group_vars/web.yml}. */
  public String origin(String key) {
    return required(key).source();
  }

  /** Where the value of {@code key} comes from, with its line when known, e.g. {@code group_vars/web.yml line 2}. */
  public String originWithLine(String key) {
    return required(key).where();
  }

  /** Every key the files and given maps set; secret sources cannot list theirs. */
  public Set<String> keys() {
    return asMap().keySet();
  }

  /**
   * Every variable the files and given maps set, with its winning value among them; secret
   * values are {@link Secret}s. Secret sources are only asked when a key is read, never to list.
   * The map's {@code toString()} masks known secrets inside other values (a password in a URL).
   */
  public Map<String, Object> asMap() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Lookup level : levels) {
      for (String key : level.keys()) {
        if (key.startsWith(prefix)) {
          values.put(key.substring(prefix.length()), level.find(key).map(Setting::value).orElse(null));
        }
      }
    }
    return new MaskedMap(Collections.unmodifiableMap(values), masker);
  }

  /** The masker that knows this environment's secrets. */
  public SecretMasker masker() {
    return masker;
  }

  private Optional<Setting> find(String key) {
    String name = prefix + key;
    for (int i = levels.size() - 1; i >= 0; i--) {
      Optional<Setting> found = levels.get(i).find(name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Setting required(String key) {
    return find(key).orElseThrow(() -> missing(key));
  }

  private Secret asSecret(Setting setting, String key) {
    if (setting.value() instanceof Secret secret) {
      return secret;
    }
    return masker.register(Secret.of(typed(setting, key, String.class)));
  }

  private <T> T typed(Setting setting, String key, Class<T> type) {
    if (type == Secret.class) {
      return type.cast(asSecret(setting, key));
    }
    if (setting.isSecret()) {
      String name = prefix + key;
      throw new VariableException(name, "variable " + name + " for " + owner + " is a secret (from "
          + setting.where() + "): read it with secret(\"" + key + "\") or get(\"" + key + "\", Secret.class)");
    }
    return Conversions.convert(setting.value(), type).orElseThrow(() -> illTyped(key, "", setting.value(), setting, type));
  }

  private VariableException missing(String key) {
    String name = prefix + key;
    Set<String> places = new LinkedHashSet<>();
    for (int i = levels.size() - 1; i >= 0; i--) {
      places.add(levels.get(i).describe(name));
    }
    return new VariableException(name, masker.mask("variable " + name + " is not set for " + owner
        + "; looked in, highest precedence first: " + String.join(", ", places)));
  }

  private VariableException illTyped(String key, String part, Object value, Setting setting, Class<?> type) {
    String name = prefix + key;
    String subject = part.isEmpty() ? "variable " + name : part + " variable " + name;
    return new VariableException(name, masker.mask(subject + " for " + owner + " is " + show(value)
        + " (set in " + setting.where() + "), which is not " + Conversions.describe(type)));
  }

  private String show(Object value) {
    if (value == null) {
      return "empty (null)";
    }
    String text = masker.mask(value instanceof String s ? "\"" + s + "\"" : value.toString());
    String shown = text.length() > SHOWN_VALUE_LENGTH ? text.substring(0, SHOWN_VALUE_LENGTH) + "..." : text;
    return shown + " (" + (value instanceof Secret ? "a secret" : "a " + value.getClass().getSimpleName()) + ")";
  }

  @Override
  public String toString() {
    String shown = asMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
    return masker.mask("Variables of " + owner + " " + shown);
  }

  /** A read-only map whose {@code toString()} hides known secrets, for callers that log it. */
  private static final class MaskedMap extends AbstractMap<String, Object> {
    private final Map<String, Object> values;
    private final SecretMasker masker;

    MaskedMap(Map<String, Object> values, SecretMasker masker) {
      this.values = values;
      this.masker = masker;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return values.entrySet();
    }

    @Override
    public String toString() {
      return masker.mask(values.toString());
    }
  }
}
