package dev.slipway.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.release.deps.DependencyEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a Python virtualenv part tells the release manager: its link, lock files, key and build line. */
class PythonTest {
  private static final List<byte[]> REQUIREMENTS = List.of("Flask\n".getBytes(StandardCharsets.UTF_8));

  @Test
  void a_venv_is_linked_by_name_keyed_by_the_requirements_and_built_with_venv_and_pip() {
    DependencyEnvironment venv = Python.venv("venv").requirements("requirements.txt").environment();

    assertThat(venv.name()).isEqualTo("venv");
    assertThat(venv.lockFilePaths()).containsExactly("requirements.txt");
    assertThat(venv.buildCommand("/opt/app/.slipway/envs/venv-1", "/opt/app/releases/1").render())
        .contains("/usr/bin/python3 -m venv /opt/app/.slipway/envs/venv-1 && ")
        .contains("/opt/app/.slipway/envs/venv-1/bin/pip install --quiet --disable-pip-version-check -r requirements.txt")
        .doesNotContain("--system-site-packages").doesNotContain("--no-index");
  }

  @Test
  void requirements_replaces_the_files_and_addRequirements_appends_to_them() {
    Python python = Python.venv("venv").requirements("base.txt");

    assertThat(python.requirements("prod.txt").environment().lockFilePaths()).containsExactly("prod.txt");
    assertThat(python.addRequirements("prod.txt").environment().lockFilePaths()).containsExactly("base.txt", "prod.txt");
  }

  @Test
  void system_packages_offline_and_an_entry_point_are_options_of_the_build() {
    String line = Python.venv("venv").requirements("requirements.txt").systemSitePackages().offline()
        .entryPoint("gunicorn", "gunicorn.app.wsgiapp:run").environment().buildCommand("/e", "/r").render();

    assertThat(line).contains("-m venv --system-site-packages /e").contains("pip install --quiet"
        + " --disable-pip-version-check --no-index -r requirements.txt")
        .contains("from gunicorn.app.wsgiapp import run\\nsys.exit(run())").contains("> /e/bin/gunicorn && chmod 755 /e/bin/gunicorn");
  }

  @Test
  void another_interpreter_makes_another_environment_and_is_a_required_command() {
    Python python = Python.venv("venv").requirements("requirements.txt");

    String usual = python.environment().key(REQUIREMENTS);
    String other = python.interpreter("/usr/local/bin/python3.12").environment().key(REQUIREMENTS);

    assertThat(other).isNotEqualTo(usual);
    assertThat(python.interpreter("/usr/local/bin/python3.12").requiredCommands()).containsExactly("/usr/local/bin/python3.12");
  }

  @Test
  void a_venv_needs_requirements_and_an_entry_point_is_a_module_and_a_function() {
    assertThatThrownBy(() -> Python.venv("venv").environment()).hasMessageContaining("needs lock files");
    assertThatThrownBy(() -> Python.venv("venv").entryPoint("gunicorn", "gunicorn; rm -rf /"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("module:function");
  }
}
