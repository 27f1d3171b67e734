package dev.slipway.testing;

import dev.slipway.Command;
import dev.slipway.service.PidfileService;
import dev.slipway.service.SupervisorAnswer;
import dev.slipway.service.SupervisorAnswer.Served.Way;
import dev.slipway.service.SupervisorRequest;
import dev.slipway.spi.ExecResult;
import java.time.Duration;
import java.util.function.Function;

/**
 * How a fake host answers a pidfile supervisor's serve request that the test did not script: as the
 * real supervisor decides, from the answers the test scripted for the steps (status, then start,
 * the reload signal, the re-exec or restart), so a test that scripts those steps reads as before
 * serve became one request. Like the real one, it notes the environment beside the pidfile.
 */
record ServeEmulation(PidfileService service, FakeTransport transport) implements Function<RecordedCommand, ExecResult> {

  @Override
  public ExecResult apply(RecordedCommand call) {
    String environment = new SupervisorCommands(service, SupervisorRequest.Action.SERVE).value(call.command())
        .orElseThrow();
    return reply(service, transport, environment, served(call, environment));
  }

  /** The supervisor's reply to a serve answered {@code answer}; a served one notes {@code environment}. */
  static ExecResult reply(PidfileService service, FakeTransport transport, String environment, SupervisorAnswer answer) {
    if (answer instanceof SupervisorAnswer.Served) {
      transport.fs().write(marker(service), environment);
    }
    return service.serveFailure(answer)
        .map(line -> new ExecResult(3, answer.protocolText(), line + "\n", Duration.ZERO))
        .orElseGet(() -> new ExecResult(0, answer.protocolText(), "", Duration.ZERO));
  }

  private SupervisorAnswer served(RecordedCommand call, String environment) {
    if (!(ask(call, SupervisorRequest.STATUS) instanceof SupervisorAnswer.Running)) {
      return as(Way.STARTED, ask(call, SupervisorRequest.START));
    }
    if (service.reloadSignal().isPresent() && runs(environment)) {
      return as(Way.RELOADED, ask(call, SupervisorRequest.signal(service.reloadSignal().get())));
    }
    return service.reexec().map(reexec -> reexecuted(call, reexec))
        .orElseGet(() -> as(Way.RESTARTED, ask(call, SupervisorRequest.RESTART)));
  }

  private boolean runs(String environment) {
    return transport.fs().exists(marker(service)) && transport.fs().readString(marker(service)).equals(environment);
  }

  private SupervisorAnswer ask(RecordedCommand call, SupervisorRequest request) {
    return SupervisorAnswer.read(run(call, service.command(request)).stdout());
  }

  // The re-exec prints its new pid last (gunicorn's: "reexecuted OLD NEW") and complains on stderr.
  private SupervisorAnswer reexecuted(RecordedCommand call, Command reexec) {
    ExecResult result = run(call, reexec);
    if (result.exitStatus() != 0) {
      String[] complaint = result.stderr().strip().split("\n");
      return new SupervisorAnswer.ReexecFailed(complaint[complaint.length - 1]);
    }
    String[] words = result.stdout().strip().split(" ");
    return SupervisorAnswer.reexecuted(Long.parseLong(words[words.length - 1]));
  }

  private ExecResult run(RecordedCommand call, Command command) {
    return transport.answerUnrecorded(new RecordedCommand(command.toString(), call.context(), command.render()));
  }

  private static SupervisorAnswer as(Way way, SupervisorAnswer answer) {
    return answer instanceof SupervisorAnswer.Running running ? new SupervisorAnswer.Served(way, running.pid()) : answer;
  }

  private static String marker(PidfileService service) {
    return service.pidfile() + ".venv";
  }
}
