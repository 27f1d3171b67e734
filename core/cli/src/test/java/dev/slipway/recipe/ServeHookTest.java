package dev.slipway.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Command;
import dev.slipway.Host;
import dev.slipway.release.Release;
import dev.slipway.release.ReleaseId;
import dev.slipway.release.ReleaseState;
import dev.slipway.service.Service;
import dev.slipway.service.ServiceStatus;
import dev.slipway.testing.FakeHost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A recipe's service hook: serve after the switch, offered as the service's one command when it has one. */
class ServeHookTest {
  private final FakeHost web = FakeHost.named("web1");
  private final Release release = new Release(new ReleaseId("20261202000001"), "v1", "test", Optional.empty(), "me",
      Instant.EPOCH, ReleaseState.LIVE, "/opt/app/releases/20261202000001", Map.of());
  private final List<String> served = new ArrayList<>();

  @Test
  void the_hook_offers_the_services_serve_command_and_runs_its_serve() throws Exception {
    ServeHook hook = new ServeHook(service(Optional.of(Command.cmd("serve-it", "v1"))));

    hook.run(web, release);

    assertThat(hook.asCommand(web, release)).hasValue(Command.cmd("serve-it", "v1"));
    assertThat(served).containsExactly("web1 v1");
  }

  @Test
  void a_service_without_a_serve_command_leaves_the_hook_to_run() {
    assertThat(new ServeHook(service(Optional.empty())).asCommand(web, release)).isEmpty();
  }

  private Service service(Optional<Command> command) {
    return new Service() {
      @Override
      public String name() {
        return "app";
      }

      @Override
      public void serve(Host host, Release live) {
        served.add(host.name() + " " + live.version());
      }

      @Override
      public Optional<Command> serveCommand(Host host, Release live) {
        return command;
      }

      @Override
      public ServiceStatus status(Host host) {
        return new ServiceStatus(host.name(), name(), false, OptionalLong.empty(), "not running");
      }

      @Override
      public ServiceStatus stop(Host host) {
        return status(host);
      }
    };
  }
}
