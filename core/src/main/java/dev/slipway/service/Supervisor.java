package dev.slipway.service;

import dev.slipway.Command;
import dev.slipway.CommandFailedException;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host-side pidfile supervisor as a {@link PidfileService} talks to it: each
 * {@link SupervisorRequest} becomes one command carrying every setting as a quoted argument, and the
 * reply is read back as a {@link SupervisorAnswer}. The one place that applies the service's
 * environment: every command starts with {@code env NAME=VALUE}, so it is the same alone and in a batch.
 */
record Supervisor(String name, List<String> command, Optional<String> directory, Map<String, String> env,
                  String pidfile, String log, String match, Duration startTimeout, Duration stopTimeout,
                  Optional<Command> ready, Optional<String> reloadSignal, Optional<Command> reexec) {
  private static final String SCRIPT = Scripts.load("pidfile.sh");
  private static final Duration SCRIPT_SLACK = Duration.ofSeconds(30);
  private static final String NO_SIGNAL = "-";
  private static final int SERVE_FAILED = 3;

  /**
   * Sends {@code request} (one round trip) and reads the answer; a dry run asks {@code STATUS} for
   * real and answers {@link SupervisorAnswer.NotRunning} to the requests it only prints.
   */
  SupervisorAnswer ask(Host host, SupervisorRequest request) {
    Command line = command(request);
    Host view = line.isReadOnly() ? host.withContext(host.context().dryRun(false)) : host;
    CommandResult result = view.run(line.allowFailure());
    if (view.context().dryRun()) {
      return SupervisorAnswer.notRunning();
    }
    if (!answered(result)) {
      throw new CommandFailedException(view.context(), result);
    }
    return SupervisorAnswer.read(result.stdout());
  }

  /** The command that carries {@code request}: the script, its arguments and the service's command. */
  Command command(SupervisorRequest request) {
    List<Object> args = new ArrayList<>(List.of("-c", SCRIPT, "slipway-pidfile", request.action().word(), pidfile,
        log, directory.orElse(""), match, Scripts.tenths(startTimeout), Scripts.tenths(stopTimeout),
        request.signal().or(() -> request.environment().flatMap(key -> reloadSignal)).orElse(NO_SIGNAL),
        ready.map(Command::render).orElse(""), name, request.environment().orElse(""),
        reexec.map(Command::render).orElse("")));
    args.addAll(command);
    Duration reexecLimit = reexec.flatMap(Command::timeout).orElse(Duration.ZERO);
    Command script = withEnv(args).withTimeout(startTimeout.plus(stopTimeout).plus(reexecLimit).plus(SCRIPT_SLACK));
    return request.equals(SupervisorRequest.STATUS) ? script.readOnly() : script;
  }

  private Command withEnv(List<Object> args) {
    if (env.isEmpty()) {
      return Command.cmd("sh", args.toArray());
    }
    List<Object> words = new ArrayList<>();
    env.forEach((variable, value) -> words.add(variable + "=" + value));
    words.add("sh");
    words.addAll(args);
    return Command.cmd("env", words.toArray());
  }

  // A failed serve still answers (exit 3, its answer on stdout); any other failure is the supervisor's own.
  private static boolean answered(CommandResult result) {
    return result.succeeded()
        || result.exitStatus() == SERVE_FAILED && result.stdout().contains(SupervisorAnswer.PREFIX);
  }
}
