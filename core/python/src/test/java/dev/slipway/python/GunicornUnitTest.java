package dev.slipway.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.service.SystemdService;
import org.junit.jupiter.api.Test;

class GunicornUnitTest {

  @Test
  void a_gunicorn_unit_quotes_for_systemd_and_reloads_with_hup() {
    Gunicorn web = Gunicorn.app("app:app").deployTo("/opt/flask demo").venv("/opt/flask demo/shared/venv")
        .bind("127.0.0.1:8000").args("--access-logformat", "%(h)s $x").build();

    assertThat(SystemdService.named("flask-demo").unit(web.systemdUnit("Flask demo", "www-data")).build().unitText())
        .hasValue("""
        [Unit]
        Description=Flask demo
        After=network.target

        [Service]
        Type=simple
        User=www-data
        WorkingDirectory=/opt/flask demo/current
        ExecStart="/opt/flask demo/shared/venv/bin/gunicorn" --chdir "/opt/flask demo/current" --bind 127.0.0.1:8000 \
        --workers 2 --access-logformat "%%(h)s $$x" app:app
        ExecReload=/bin/kill -s HUP $MAINPID
        KillMode=mixed
        TimeoutStopSec=30
        Restart=on-failure
        RestartSec=5

        [Install]
        WantedBy=multi-user.target
        """);
    assertThat(web.systemdUnit("Flask demo", "")).doesNotContain("User=");
  }
}
