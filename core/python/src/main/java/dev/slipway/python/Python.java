package dev.slipway.python;

import static java.util.Objects.requireNonNull;

import dev.slipway.internal.Quoting;
import dev.slipway.release.deps.Dependencies;
import dev.slipway.release.deps.DependencyEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

  private Python(Builder builder) {
    link = builder.link;
    requirements = builder.requirements;
    interpreter = builder.interpreter;
    systemSitePackages = builder.systemSitePackages;
    offline = builder.offline;
    entryPoints = builder.entryPoints;
  }

  /** This environment with {@code change} applied to a builder of its settings. */
  private Python copy(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return new Python(builder);
  }

  /** A virtualenv linked as {@code link} (e.g. {@code venv}) inside each release. */
  public static Python venv(String link) {
    return new Python(new Builder(requireNonNull(link, "link")));
  }

  /**
   * Installs these requirements files (relative to the release), replacing those set before; they
   * decide when to rebuild.
   */
  public Python requirements(String... files) {
    List<String> all = List.of(files);
    return copy(builder -> builder.requirements = all);
  }

  /** Also installs these requirements files, after those set before. */
  public Python addRequirements(String... files) {
    List<String> all = new ArrayList<>(requirements);
    all.addAll(List.of(files));
    return copy(builder -> builder.requirements = List.copyOf(all));
  }

  /** Builds with this interpreter (default {@code /usr/bin/python3}); a new one rebuilds the venv. */
  public Python interpreter(String path) {
    requireNonNull(path, "path");
    return copy(builder -> builder.interpreter = path);
  }

  /** Lets the venv see the system's packages ({@code --system-site-packages}). */
  public Python systemSitePackages() {
    return copy(builder -> builder.systemSitePackages = true);
  }

  /** Installs without a package index ({@code pip --no-index}): a missing package fails at once. */
  public Python offline() {
    return copy(builder -> builder.offline = true);
  }

  /** Writes {@code <venv>/bin/<name>} calling {@code module:function} with the venv's interpreter. */
  public Python entryPoint(String name, String moduleAndFunction) {
    if (!name.matches("[\\w.-]+") || !moduleAndFunction.matches("[A-Za-z_][\\w.]*:[A-Za-z_]\\w*")) {
      throw new IllegalArgumentException("an entry point is a script name and module:function, such as"
          + " gunicorn and gunicorn.app.wsgiapp:run; was " + name + " and " + moduleAndFunction);
    }
    Map<String, String> all = new LinkedHashMap<>(entryPoints);
    all.put(name, moduleAndFunction);
    return copy(builder -> builder.entryPoints = Map.copyOf(all));
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

  /** The settings of one {@code Python} while it, or a copy of it, is being made. */
  private static final class Builder {
    private final String link;
    private List<String> requirements = List.of();
    private String interpreter = "/usr/bin/python3";
    private boolean systemSitePackages;
    private boolean offline;
    private Map<String, String> entryPoints = Map.of();

    private Builder(String link) {
      this.link = link;
    }

    private Builder(Python from) {
      link = from.link;
      requirements = from.requirements;
      interpreter = from.interpreter;
      systemSitePackages = from.systemSitePackages;
      offline = from.offline;
      entryPoints = from.entryPoints;
    }
  }
}
