package dev.slipway.python;

import static java.util.Objects.requireNonNull;

import dev.slipway.internal.Quoting;
import dev.slipway.release.deps.Dependencies;
import dev.slipway.release.deps.DependencyEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python virtualenv as a dependency environment: built with {@code python -m venv} and
 * {@code pip install -r} once per hash of the requirements file (and of the interpreter), then
 * linked into every release that has the same requirements, so a rollback also rolls back the
 * packages and an unchanged {@code requirements.txt} costs no rebuild.
 *
 * <pre>{@code
 * recipe.dependencies(Python.venv("venv").requirements("requirements.txt"));
 * // Debian's own Flask and gunicorn, no package index:
 * Python.venv("venv").requirements("requirements.txt").systemSitePackages().offline()
 *     .entryPoint("gunicorn", "gunicorn.app.wsgiapp:run");
 * }</pre>
 *
 * <p>An entry point is written as {@code <venv>/bin/<name>}, a script run by the venv's own
 * interpreter: packages taken from the system have their scripts outside the venv, and a gunicorn
 * that re-executes itself ({@code USR2}) must find this environment's interpreter again.
 * Immutable.
 */
public final class Python implements Dependencies {
  private final String link;
  private final List<String> requirements;
  private final String interpreter;
  private final boolean systemSitePackages;
  private final boolean offline;
  private final Map<String, String> entryPoints;

  private Python(String link, List<String> requirements, String interpreter, boolean systemSitePackages,
                 boolean offline, Map<String, String> entryPoints) {
    this.link = link;
    this.requirements = List.copyOf(requirements);
    this.interpreter = interpreter;
    this.systemSitePackages = systemSitePackages;
    this.offline = offline;
    this.entryPoints = Map.copyOf(entryPoints);
  }

  /** A virtualenv linked as {@code link} (e.g. {@code venv}) inside each release. */
  public static Python venv(String link) {
    return new Python(requireNonNull(link, "link"), List.of(), "/usr/bin/python3", false, false, Map.of());
  }

  /** Installs these requirements files (relative to the release); they decide when to rebuild. */
  public Python requirements(String... files) {
    List<String> all = new ArrayList<>(requirements);
    all.addAll(List.of(files));
    return new Python(link, all, interpreter, systemSitePackages, offline, entryPoints);
  }

  /** Builds with this interpreter (default {@code /usr/bin/python3}); a new one rebuilds the venv. */
  public Python interpreter(String path) {
    return new Python(link, requirements, requireNonNull(path, "path"), systemSitePackages, offline, entryPoints);
  }

  /** Lets the venv see the system's packages ({@code --system-site-packages}). */
  public Python systemSitePackages() {
    return new Python(link, requirements, interpreter, true, offline, entryPoints);
  }

  /** Installs without a package index ({@code pip --no-index}): a missing package fails at once. */
  public Python offline() {
    return new Python(link, requirements, interpreter, systemSitePackages, true, entryPoints);
  }

  /** Writes {@code <venv>/bin/<name>} calling {@code module:function} with the venv's interpreter. */
  public Python entryPoint(String name, String moduleAndFunction) {
    if (!name.matches("[\\w.-]+") || !moduleAndFunction.matches("[A-Za-z_][\\w.]*:[A-Za-z_]\\w*")) {
      throw new IllegalArgumentException("an entry point is a script name and module:function, such as"
          + " gunicorn and gunicorn.app.wsgiapp:run; was " + name + " and " + moduleAndFunction);
    }
    Map<String, String> all = new LinkedHashMap<>(entryPoints);
    all.put(name, moduleAndFunction);
    return new Python(link, requirements, interpreter, systemSitePackages, offline, all);
  }

  /** The interpreter the venv is built with. */
  public String interpreter() {
    return interpreter;
  }

  @Override
  public DependencyEnvironment environment() {
    return DependencyEnvironment.of(link).lockFiles(requirements.toArray(String[]::new))
        .keyedBy(interpreter).build(buildLine()).requireComplete();
  }

  @Override
  public List<String> requiredCommands() {
    return List.of(interpreter);
  }

  private String buildLine() {
    StringBuilder line = new StringBuilder(Quoting.quote(interpreter) + " -m venv "
        + (systemSitePackages ? "--system-site-packages " : "") + "{dir}");
    for (String file : requirements) {
      line.append(" && {dir}/bin/pip install --quiet --disable-pip-version-check ")
          .append(offline ? "--no-index " : "").append("-r ").append(Quoting.quote(file));
    }
    entryPoints.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> line.append(" && ")
        .append(script(entry.getKey(), entry.getValue())));
    return line.toString();
  }

  private static String script(String name, String moduleAndFunction) {
    String[] parts = moduleAndFunction.split(":");
    String body = "import sys\\nfrom " + parts[0] + " import " + parts[1] + "\\nsys.exit(" + parts[1] + "())\\n";
    return "printf '#!%s/bin/python\\n" + body + "' {dir} > {dir}/bin/" + name + " && chmod 755 {dir}/bin/" + name;
  }

  @Override
  public String toString() {
    return "Python.venv(" + link + ", " + requirements + ", " + interpreter + ")";
  }
}
