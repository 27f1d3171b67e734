package dev.slipway.provision;

import dev.slipway.Host;
import dev.slipway.local.LocalHost;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning on this machine's real file system, as the user running the tests. */
class LocalHostProvisioningTest extends ProvisioningContract {
  @TempDir
  Path root;
  private final Host local = LocalHost.named("local");

  @Override
  protected Host host() {
    return local;
  }

  @Override
  protected Path root() {
    return root.toAbsolutePath();
  }
}
