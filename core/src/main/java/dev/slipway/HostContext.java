package dev.slipway;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how commands run on a host view: working directory, environment, command prefixes,
 * the user to run as (through sudo) and dry-run. An immutable value: every method returns a new
 * context, so views derived from one host are safe to hand to parallel threads.
 *
 * <p>Contexts nest like python-deployer's {@code with host.cd(...)}: a relative directory is
 * resolved against the current one, environment variables and prefixes accumulate.
 *
 * @param directory the working directory, absolute or relative to the login directory
 * @param env environment variables, in the order they were set
 * @param secretEnv environment variables whose values are secrets: sent on stdin, never in the text
 * @param prefixes commands that run before each command, joined with {@code &&}
 * @param user the user to run as through sudo, if any
 * @param dryRun whether commands are only syntax-checked, not run
 */
public record HostContext(Optional<String> directory, Map<String, String> env, Map<String, Secret> secretEnv,
                          List<String> prefixes, Optional<String> user, boolean dryRun) {

  /** No directory, environment, prefix or user; commands really run. */
  public static final HostContext NONE =
      new HostContext(Optional.empty(), Map.of(), Map.of(), List.of(), Optional.empty(), false);

  public HostContext {
    requireNonNull(directory, "directory");
    requireNonNull(user, "user");
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    secretEnv = Collections.unmodifiableMap(new LinkedHashMap<>(secretEnv));
    prefixes = List.copyOf(prefixes);
  }

  /** This context with {@code dir} as working directory, resolved against the current one. */
  public HostContext cd(String dir) {
    requireNonNull(dir, "dir");
    String resolved = dir.startsWith("/") || directory.isEmpty() ? dir : join(directory.get(), dir);
    return new HostContext(Optional.of(resolved), env, secretEnv, prefixes, user, dryRun);
  }

  /** This context with one more environment variable (replacing one of the same name). */
  public HostContext env(String name, String value) {
    checkName(name);
    var copy = new LinkedHashMap<>(env);
    copy.remove(name);
    copy.put(name, requireNonNull(value, "value"));
    var secrets = new LinkedHashMap<>(secretEnv);
    secrets.remove(name);
    return new HostContext(directory, copy, secrets, prefixes, user, dryRun);
  }

  /**
   * This context with one more environment variable whose value is a secret (replacing one of the
   * same name): the command's environment gets it from stdin, so it never appears in the command's
   * text, {@code ps}, logs, events or exceptions.
   */
  public HostContext env(String name, Secret value) {
    checkName(name);
    var copy = new LinkedHashMap<>(env);
    copy.remove(name);
    var secrets = new LinkedHashMap<>(secretEnv);
    secrets.remove(name);
    secrets.put(name, requireNonNull(value, "value"));
    return new HostContext(directory, copy, secrets, prefixes, user, dryRun);
  }

  private static void checkName(String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a valid environment variable name: " + name);
    }
  }

  /** This context with one more prefix, run (with {@code &&}) before every command. */
  public HostContext prefix(String command) {
    var copy = new ArrayList<>(prefixes);
    copy.add(requireNonNull(command, "command"));
    return new HostContext(directory, env, secretEnv, copy, user, dryRun);
  }

  /** This context running commands as {@code name} through sudo. */
  public HostContext as(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("user must not be blank");
    }
    return new HostContext(directory, env, secretEnv, prefixes, Optional.of(name), dryRun);
  }

  /** This context with dry-run on or off. */
  public HostContext dryRun(boolean on) {
    return new HostContext(directory, env, secretEnv, prefixes, user, on);
  }

  /** A short human description for messages, e.g. {@code in /srv/app as deploy}; empty if none. */
  public String describe() {
    List<String> words = new ArrayList<>();
    directory.ifPresent(d -> words.add("in " + d));
    user.ifPresent(u -> words.add("as " + u));
    if (!env.isEmpty() || !secretEnv.isEmpty()) {
      List<String> names = new ArrayList<>(env.keySet());
      names.addAll(secretEnv.keySet());
      words.add("with " + String.join(", ", names));
    }
    if (dryRun) {
      words.add("(dry-run)");
    }
    return String.join(" ", words);
  }

  private static String join(String base, String child) {
    return base.endsWith("/") ? base + child : base + "/" + child;
  }
}
