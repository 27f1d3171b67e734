package dev.slipway.release.deps;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import dev.slipway.internal.Quoting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * A dependency environment (a Python venv, {@code node_modules}, a {@code lib/} of jars) built once
 * per hash of its lock files under Slipway's state directory and linked into every release that
 * has the same lock files, as yodeploy does for virtualenvs. A rollback therefore also rolls back
 * the dependencies, and an unchanged {@code requirements.txt} costs no rebuild:
 *
 * <pre>{@code
 * releases.dependencies(DependencyEnvironment.of("venv")
 *     .lockFiles("requirements.txt")
 *     .build("python3 -m venv --system-site-packages {dir} && {dir}/bin/pip install -r requirements.txt"));
 * }</pre>
 *
 * <p>The build command is a shell line run in the release directory; {@code {dir}} stands for the
 * environment's directory and {@code {release}} for the release directory, both quoted by the
 * library. The environment is built at its final path (venvs hold absolute paths and cannot be
 * moved) and published with an atomic symlink only when the build succeeded, so a failed build is
 * never reused. Immutable: each option method returns a modified copy.
 */
public final class DependencyEnvironment implements Dependencies {
  private final String name;
  private final List<String> lockFiles;
  private final String buildCommand;
  private final List<String> keyedBy;

  private DependencyEnvironment(Builder builder) {
    name = builder.name;
    lockFiles = builder.lockFiles;
    buildCommand = builder.buildCommand;
    keyedBy = builder.keyedBy;
  }

  /** This environment with {@code change} applied to a builder of its settings. */
  private DependencyEnvironment copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new DependencyEnvironment(builder);
  }

  /**
   * An environment linked as {@code name} (a relative path such as {@code venv}) in each release;
   * give its lock files and build command next.
   */
  public static DependencyEnvironment of(String name) {
    requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || name.contains("..")) {
      throw new IllegalArgumentException("an environment name is a relative path inside the release such as"
          + " \"venv\" or \"node_modules\", was: " + name);
    }
    return new DependencyEnvironment(new Builder(name));
  }

  /**
   * This environment, keyed by the content of these files (relative to the release, e.g.
   * {@code requirements.txt}), replacing those set before.
   */
  public DependencyEnvironment lockFiles(String... files) {
    for (String file : files) {
      if (file.startsWith("/") || file.contains("..")) {
        throw new IllegalArgumentException("lock files are relative to the release, was: " + file);
      }
    }
    List<String> all = List.of(files);
    return copy(builder -> builder.lockFiles = all);
  }

  /** This environment, built by {@code shellLine} ({@code {dir}}, {@code {release}} are replaced, quoted). */
  public DependencyEnvironment build(String shellLine) {
    requireNonNull(shellLine, "shellLine");
    return copy(builder -> builder.buildCommand = shellLine);
  }

  /** This environment, also rebuilt when {@code fact} changes (e.g. {@code "python3.11"}). */
  public DependencyEnvironment keyedBy(String fact) {
    List<String> all = new ArrayList<>(keyedBy);
    all.add(requireNonNull(fact, "fact"));
    return copy(builder -> builder.keyedBy = List.copyOf(all));
  }

  /** The link inside each release, e.g. {@code venv}. */
  public String name() {
    return name;
  }

  /** The files of the release whose content decides the environment, in the order given. */
  public List<String> lockFilePaths() {
    return lockFiles;
  }

  /** This environment itself. */
  @Override
  public DependencyEnvironment environment() {
    return this;
  }

  /** Fails naming the fix when the lock files or the build command are missing. */
  public DependencyEnvironment requireComplete() {
    if (lockFiles.isEmpty()) {
      throw new IllegalStateException("dependency environment " + name + " needs lock files: call lockFiles(\"requirements.txt\")");
    }
    if (buildCommand.isBlank()) {
      throw new IllegalStateException("dependency environment " + name + " needs a build command: call build(\"... {dir} ...\")");
    }
    return this;
  }

  /**
   * The key of the environment for these lock file contents (in {@link #lockFilePaths()} order), e.g.
   * {@code venv-3f2a9c1b0d4e5f60}: the same contents, command and facts always give the same key.
   */
  public String key(List<byte[]> lockFileContents) {
    MessageDigest sha256 = sha256();
    List<String> header = new ArrayList<>(List.of(name, buildCommand));
    header.addAll(keyedBy);
    header.addAll(lockFiles);
    header.forEach(part -> sha256.update((part + "\0").getBytes(StandardCharsets.UTF_8)));
    for (byte[] content : lockFileContents) {
      sha256.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
      sha256.update(content);
    }
    return name.replace('/', '_') + "-" + HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
  }

  /** The build command for an environment at {@code directory}, run in {@code releaseDirectory}. */
  public Command buildCommand(String directory, String releaseDirectory) {
    String line = buildCommand.replace("{dir}", Quoting.quote(directory))
        .replace("{release}", Quoting.quote(releaseDirectory));
    return Command.shell("cd " + Quoting.quote(releaseDirectory) + " && {\n" + line + "\n}");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** The settings of one {@code DependencyEnvironment} while a copy of it is being made. */
  private static final class Builder {
    private final String name;
    private List<String> lockFiles = List.of();
    private String buildCommand = "";
    private List<String> keyedBy = List.of();

    private Builder(String name) {
      this.name = name;
    }

    private Builder(DependencyEnvironment from) {
      name = from.name;
      lockFiles = from.lockFiles;
      buildCommand = from.buildCommand;
      keyedBy = from.keyedBy;
    }
  }
}
