package dev.slipway.inventory;

import static java.util.Objects.requireNonNull;

import dev.slipway.Host;
import dev.slipway.node.RoleMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inventory seen by one environment (stage), with the application's defaults, secrets and
 * overrides: the one object a launcher or an embedding application needs.
 *
 * <pre>{@code
 * Environment prod = Inventory.load(Path.of("inventory")).environment("prod")
 *     .withDefaults(Map.of("keep_releases", 5))
 *     .withSecrets(SecretSource.environmentVariables("SHOP_"))
 *     .withExtraVars(List.of("git_branch=v2"));                 // the command line's -e
 * for (InventoryHost host : prod.hosts()) {
 *   Path deployTo = host.vars().get("deploy_to", Path.class);
 * }
 * List<Host> web = prod.hostsOf("web", sshHosts);
 * }</pre>
 *
 * <p>Environment {@code prod} selects the hosts of group {@code prod}; {@link Variables} documents
 * how its layers stack. Values under secret-looking keys ({@code db_password}, {@code api_token},
 * {@code ansible_become_pass}...; see {@link #withSecretKeys}) are treated as secrets even when
 * they sit in a plain YAML file, and every secret is registered with {@link #masker()}.
 * Immutable: each {@code with} method returns a new environment sharing the same masker.
 */
public final class Environment {
  /** Keys whose values are secrets wherever they are set; {@code *_file}, {@code *_path} and {@code *_dir} are not. */
  public static final Pattern SECRET_KEYS =
      Pattern.compile("(?i)(?!.*_(file|path|dir)$)(.*_)?(password|passwd|pass|secret|token|api_key|apikey)(_.*)?");

  private static final Logger log = LoggerFactory.getLogger(Environment.class);

  private final Inventory inventory;
  private final Optional<String> name;
  private final Layer defaults;
  private final List<SecretSource> secrets;
  private final Layer overrides;
  private final Pattern secretKeys;
  private final SecretMasker masker;

  private Environment(Builder builder) {
    inventory = builder.inventory;
    name = builder.name;
    defaults = builder.defaults;
    secrets = builder.secrets;
    overrides = builder.overrides;
    secretKeys = builder.secretKeys;
    masker = builder.masker;
  }

  /** This environment with {@code change} applied to a builder of its settings. */
  private Environment copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new Environment(builder);
  }

  static Environment of(Inventory inventory, Optional<String> name) {
    name.ifPresent(n -> {
      if (!inventory.hasGroup(n)) {
        throw new InventoryException("no environment " + n + " in " + inventory.description()
            + ": an environment is a group of that name, add [" + n + "] with its hosts; groups are: "
            + String.join(", ", inventory.groupNames()));
      }
    });
    return new Environment(new Builder(inventory, name));
  }

  /** The environment's name; empty for {@link Inventory#all()}. */
  public Optional<String> name() {
    return name;
  }

  /** This environment with {@code values} as defaults, the lowest layer (added to earlier defaults). */
  public Environment withDefaults(Map<String, ?> values) {
    return copy(builder -> builder.defaults = merged(defaults, values));
  }

  /** This environment also reading secrets from {@code source}, above the sources added before. */
  public Environment withSecrets(SecretSource source) {
    List<SecretSource> more = new ArrayList<>(secrets);
    more.add(requireNonNull(source, "source"));
    return copy(builder -> builder.secrets = List.copyOf(more));
  }

  /** This environment with {@code values} overriding every other layer, like {@code ansible-playbook -e}. */
  public Environment withOverrides(Map<String, ?> values) {
    return copy(builder -> builder.overrides = merged(overrides, values));
  }

  /**
   * This environment with command-line extra variables as overrides: each of {@code arguments} is
   * {@code key=value} (a string value), {@code @file.yml} (a YAML mapping) or an inline YAML/JSON
   * mapping such as <code>{"keep_releases": 3}</code>.
   */
  public Environment withExtraVars(List<String> arguments) {
    Map<String, Object> values = new LinkedHashMap<>();
    arguments.forEach(argument -> values.putAll(ExtraVars.parse(argument)));
    return withOverrides(values);
  }

  /** This environment treating the values of keys matching {@code pattern} as secrets (default {@link #SECRET_KEYS}). */
  public Environment withSecretKeys(Pattern pattern) {
    requireNonNull(pattern, "pattern");
    return copy(builder -> builder.secretKeys = pattern);
  }

  /** This environment registering its secrets with {@code shared}, e.g. the one the application's logging uses. */
  public Environment withMasker(SecretMasker shared) {
    requireNonNull(shared, "shared");
    return copy(builder -> builder.masker = shared);
  }

  /** The masker that every secret of this environment is registered with, for logs and messages. */
  public SecretMasker masker() {
    return masker;
  }

  /** The inventory this environment selects from. */
  public Inventory inventory() {
    return inventory;
  }

  /** The hosts of this environment, in inventory order. */
  public List<InventoryHost> hosts() {
    return selectedHosts().stream().map(this::resolve).toList();
  }

  /** Host {@code hostName}; throws {@link InventoryException} if it is not in this environment. */
  public InventoryHost host(String hostName) {
    inventory.hostEntry(hostName);
    if (!selectedHosts().contains(hostName)) {
      throw new InventoryException("host " + hostName + " is not in environment " + name.orElseThrow()
          + " (" + inventory.description() + "); add it to group " + name.get());
    }
    return resolve(hostName);
  }

  /** Group {@code groupName} restricted to this environment's hosts. */
  public InventoryGroup group(String groupName) {
    GroupEntry entry = inventory.groupEntry(groupName);
    List<String> selected = selectedHosts();
    List<InventoryHost> members = inventory.hostsIn(groupName).stream().filter(selected::contains).map(this::resolve).toList();
    return new InventoryGroup(groupName, entry.children(), members);
  }

  /**
   * The hosts of group {@code groupName} in this environment, made by {@code factory}: what a
   * node's roles are filled with (see {@link #rolesFromGroups}). The caller closes them.
   */
  public List<Host> hostsOf(String groupName, HostFactory factory) {
    requireNonNull(factory, "factory");
    return group(groupName).hosts().stream().map(factory::create).toList();
  }

  /**
   * Fills roles named after groups with those groups' hosts in this environment, made by
   * {@code factory}: {@code root.child("web", new Web(), prod.rolesFromGroups(sshHosts, "web", "cache"))}.
   * The hosts are made when the tree is built; an execution of the tree closes them.
   */
  public Consumer<RoleMapping> rolesFromGroups(HostFactory factory, String... groupNames) {
    requireNonNull(factory, "factory");
    Map<String, List<Host>> hosts = new LinkedHashMap<>();
    for (String groupName : groupNames) {
      hosts.put(groupName, hostsOf(groupName, factory));
    }
    return roles -> hosts.forEach(roles::add);
  }

  /** The variables of this environment without any host or group: defaults, common, environment, secrets, overrides. */
  public Variables vars() {
    List<Layer> levels = new ArrayList<>();
    levels.add(defaults);
    levels.addAll(commonAndEnvironmentLayers());
    return variables("environment " + name.orElse("(none)"), levels);
  }

  private List<String> selectedHosts() {
    return inventory.hostsIn(name.orElse(InventoryBuilder.ALL));
  }

  private InventoryHost resolve(String hostName) {
    List<Layer> levels = new ArrayList<>();
    levels.add(defaults);
    levels.addAll(commonAndEnvironmentLayers());
    List<String> environmentGroups = environmentGroups();
    List<String> groups = inventory.groupsOf(hostName);
    groups.stream().filter(g -> !environmentGroups.contains(g)).forEach(g -> levels.addAll(inventory.groupEntry(g).layers()));
    levels.addAll(inventory.hostEntry(hostName).layers());
    Variables vars = variables("host " + hostName + name.map(n -> " in environment " + n).orElse(""), levels);
    log.debug("{}", vars);
    return new InventoryHost(hostName, Connection.of(hostName, vars), groups, vars);
  }

  /** {@code all}, the ancestors of the environment's group, and that group: the common and environment layers. */
  private List<Layer> commonAndEnvironmentLayers() {
    List<Layer> layers = new ArrayList<>();
    environmentGroups().forEach(g -> layers.addAll(inventory.groupEntry(g).layers()));
    return layers;
  }

  private List<String> environmentGroups() {
    List<String> groups = new ArrayList<>();
    groups.add(InventoryBuilder.ALL);
    name.ifPresent(n -> {
      inventory.ancestorsOf(n).stream().filter(g -> !g.equals(InventoryBuilder.ALL)).forEach(groups::add);
      groups.add(n);
    });
    return groups;
  }

  private Variables variables(String owner, List<Layer> layers) {
    List<Lookup> levels = new ArrayList<>();
    layers.forEach(layer -> levels.add(layer.hidingSecrets(k -> secretKeys.matcher(k).matches(), masker)));
    secrets.forEach(source -> levels.add(new SecretLayer(source, masker)));
    levels.add(overrides.hidingSecrets(k -> secretKeys.matcher(k).matches(), masker));
    return new Variables(owner, levels, masker);
  }

  private static Layer merged(Layer layer, Map<String, ?> values) {
    Map<String, Object> all = new LinkedHashMap<>();
    layer.settings().forEach((key, setting) -> all.put(key, setting.value()));
    all.putAll(values);
    return Layer.of(layer.owner(), layer.source(), all);
  }

  @Override
  public String toString() {
    return "Environment[" + name.orElse("(none)") + " of " + inventory.description() + "]";
  }

  /** The settings of one {@code Environment} while it, or a copy of it, is being made. */
  private static final class Builder {
    private final Inventory inventory;
    private final Optional<String> name;
    private Layer defaults;
    private List<SecretSource> secrets;
    private Layer overrides;
    private Pattern secretKeys;
    private SecretMasker masker;

    private Builder(Inventory inventory, Optional<String> name) {
      this.inventory = inventory;
      this.name = name;
      defaults = Layer.of("defaults", "defaults", Map.of());
      secrets = List.of();
      overrides = Layer.of("overrides", "overrides (-e)", Map.of());
      secretKeys = SECRET_KEYS;
      masker = SecretMasker.create();
    }

    private Builder(Environment from) {
      inventory = from.inventory;
      name = from.name;
      defaults = from.defaults;
      secrets = from.secrets;
      overrides = from.overrides;
      secretKeys = from.secretKeys;
      masker = from.masker;
    }
  }
}
