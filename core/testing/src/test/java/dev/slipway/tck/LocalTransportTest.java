package dev.slipway.tck;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The transport and shell contracts on {@link LocalHost}. */
class LocalTransportTest extends ShellContract {
  private final Host local = LocalHost.create();

  @TempDir
  Path scratch;

  @Override
  protected Host host() {
    return local;
  }

  @Override
  protected String scratch() {
    return realPath(scratch);
  }
}
