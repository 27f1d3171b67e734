package dev.slipway.release;

import dev.slipway.Host;
import dev.slipway.testing.FakeHost;

/**
 * The release rules on the in-memory fake, where users unit-test their deploy logic. Dependency
 * builds are answered by script: a command with {@code exit 3} fails, {@code sleep 30} times out,
 * others succeed.
 */
class FakeHostReleasesTest extends ReleasesContract {

  @Override
  protected Host newHost(String name) {
    return FakeHost.named(name).lenient().when(command -> command.contains("exit 3")).thenFail(3, "broken")
        .when(CommandHooksContract.SLOW).thenTimeout();
  }

  @Override
  protected String deployDirectory() {
    return "/opt/flask-demo";
  }

  @Override
  protected int builds(Host host, String counter) {
    return (int) ((FakeHost) host).commands().stream().filter(command -> command.contains(counter)).count();
  }
}
