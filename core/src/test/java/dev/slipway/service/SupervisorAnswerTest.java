package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupervisorAnswerTest {
  @Test
  void every_answer_reads_back_from_the_text_the_supervisor_prints_for_it() {
    List<SupervisorAnswer> answers = List.of(
        new SupervisorAnswer.Running(42, Optional.of(Duration.ofSeconds(90061))), SupervisorAnswer.running(42),
        new SupervisorAnswer.AlreadyRunning(7), new SupervisorAnswer.Stopped(8, false),
        new SupervisorAnswer.Stopped(9, true), new SupervisorAnswer.Stale(10), SupervisorAnswer.notRunning(),
        new SupervisorAnswer.Died(List.of("Traceback", "ImportError: x")), new SupervisorAnswer.NotReady(11, List.of()),
        SupervisorAnswer.started(12), SupervisorAnswer.reloaded(13), SupervisorAnswer.reexecuted(14),
        new SupervisorAnswer.Served(SupervisorAnswer.Served.Way.RESTARTED, 15),
        new SupervisorAnswer.ReexecFailed("the new master did not keep workers up"));

    assertThat(answers).allSatisfy(answer -> assertThat(SupervisorAnswer.read(answer.protocolText())).isEqualTo(answer));
  }

  @Test
  void an_uptime_is_read_in_the_forms_ps_prints() {
    assertThat(SupervisorAnswer.read("slipway-pidfile running 42 01:05\n"))
        .isEqualTo(new SupervisorAnswer.Running(42, Optional.of(Duration.ofSeconds(65))));
    assertThat(SupervisorAnswer.read("slipway-pidfile running 42 2-03:00:01\n"))
        .isEqualTo(new SupervisorAnswer.Running(42, Optional.of(Duration.ofDays(2).plusHours(3).plusSeconds(1))));
  }

  @Test
  void output_without_an_answer_is_refused() {
    assertThatThrownBy(() -> SupervisorAnswer.read("started 42\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("started 42");
  }
}
