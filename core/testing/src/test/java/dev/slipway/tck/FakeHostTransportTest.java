package dev.slipway.tck;

import dev.slipway.Host;
import dev.slipway.testing.FakeHost;

/** The transport contract on {@link FakeHost}: commands scripted, files in memory. */
class FakeHostTransportTest extends TransportContract {
  private static final String SCRATCH = "/home/tester/scratch";

  private final FakeHost fake = FakeHost.named("fake");

  FakeHostTransportTest() {
    fake.fs().mkdirs(SCRATCH);
  }

  @Override
  protected Host host() {
    return fake;
  }

  @Override
  protected String scratch() {
    return SCRATCH;
  }

  @Override
  protected void given(String command, int exitStatus, String stdout, String stderr) {
    fake.when(command).thenReturn(exitStatus, stdout, stderr);
  }

  @Override
  protected void givenTimeout(String command) {
    fake.when(command).thenTimeout();
  }
}
