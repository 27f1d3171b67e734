package dev.slipway.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void renders_the_workshop_unit_unchanged_apart_from_its_variables() {
    Template unit = Template.fromResource("dev/slipway/template/flask-demo.service.j2");

    String text = unit.render(Map.of(
        "ansistrano_deploy_to", "/opt/flask-demo",
        "ansistrano_shared_path", "/opt/flask-demo/shared"));

    assertThat(text).contains("""
        [Service]
        # Lancement dans le venv partagé (persistant)
        Environment="PATH=/opt/flask-demo/shared/venv/bin"
        # Répertoire de travail : la release active via le lien "current"
        WorkingDirectory=/opt/flask-demo/current
        """);
    assertThat(text).contains("ExecStart=/opt/flask-demo/shared/venv/bin/gunicorn -w 2 -b 0.0.0.0:8000 app:app\n");
    assertThat(text).startsWith("# Unité systemd").endsWith("WantedBy=multi-user.target\n").doesNotContain("{{");
  }

  @Test
  void a_missing_variable_is_an_error_naming_it() {
    Template unit = Template.fromResource("/dev/slipway/template/flask-demo.service.j2");

    assertThatThrownBy(() -> unit.render(Map.of("ansistrano_deploy_to", "/opt/flask-demo")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("ansistrano_shared_path")
        .hasMessageContaining("flask-demo.service.j2")
        .hasMessageContaining("(line 10)")
        .hasMessageContaining("[ansistrano_deploy_to]");
  }

  @Test
  void lines_after_block_tags_keep_their_numbers_in_errors() {
    Template unit = Template.fromString("unit", "{% if true %}\nA\n{% endif %}\n{{ missing }}\n");

    assertThatThrownBy(() -> unit.render(Map.of())).hasMessageContaining("missing (line 4)");
  }

  @Test
  void should_not_escape_anything() {
    Template env = Template.fromString("env", "DATABASE_URL={{ url }}\n");

    assertThat(env.render(Map.of("url", "postgres://u:p@db/app?sslmode=require&x=<y>\"'")))
        .isEqualTo("DATABASE_URL=postgres://u:p@db/app?sslmode=require&x=<y>\"'\n");
  }

  @Test
  void loops_and_conditions_leave_no_blank_lines_behind_their_tags() {
    Template unit = Template.fromString("unit", """
        [Service]
        {% for variable in env %}
        Environment="{{ variable.key }}={{ variable.value }}"
        {% endfor %}
        {% if reload %}
        ExecReload=/bin/kill -s HUP $MAINPID
        {% endif %}
        Restart=on-failure
        """);

    String text = unit.render(Map.of("env", new java.util.TreeMap<>(Map.of("A", "1", "B", "2")), "reload", true));

    assertThat(text.lines().toList()).isEqualTo(List.of("[Service]", "Environment=\"A=1\"", "Environment=\"B=2\"",
        "ExecReload=/bin/kill -s HUP $MAINPID", "Restart=on-failure"));
  }

  @Test
  void should_render_the_same_template_many_times_with_different_values() {
    Template greeting = Template.fromString("greeting", "hello {{ who }}");

    assertThat(greeting.render(Map.of("who", "v1"))).isEqualTo("hello v1");
    assertThat(greeting.render(Map.of("who", "v2"))).isEqualTo("hello v2");
  }

  @Test
  void a_missing_resource_or_a_syntax_error_says_which_template() {
    assertThatThrownBy(() -> Template.fromResource("no/such.j2"))
        .isInstanceOf(TemplateException.class).hasMessageContaining("no/such.j2 is not on the class path");
    assertThatThrownBy(() -> Template.fromString("broken.j2", "{% if x %}never closed"))
        .isInstanceOf(TemplateException.class).hasMessageContaining("broken.j2");
  }
}
