package dev.slipway.release.deps;

import java.util.List;

/**
 * Something that describes a {@link DependencyEnvironment}, such as a Python virtualenv built from
 * {@code requirements.txt}; a recipe takes any of them:
 *
 * <pre>{@code
 * recipe.dependencies(Python.venv("venv").requirements("requirements.txt"));
 * }</pre>
 */
public interface Dependencies {

  /** The environment to build once per hash of its lock files and link into every release. */
  DependencyEnvironment environment();

  /** Programs the host needs to build it, checked before a deploy, e.g. {@code /usr/bin/python3}. */
  default List<String> requiredCommands() {
    return List.of();
  }
}
