package dev.slipway.release;

import dev.slipway.Host;

/** A release of one file, {@code app.py}, holding the version; installed by a write of its own. */
record OneFile(String version) implements ResolvedSource {
  @Override
  public String describe() {
    return "files " + version;
  }

  @Override
  public void install(Host on, InstallTarget target) {
    on.write(target.directory() + "/app.py", version);
  }
}
