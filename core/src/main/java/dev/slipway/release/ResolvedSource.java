package dev.slipway.release;

import dev.slipway.Host;
import dev.slipway.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A source pinned to one version, ready to be installed on any number of hosts. Thread-safe: a
 * multi-host deploy installs it on every host in parallel.
 */
public interface ResolvedSource {

  /** The version recorded for the release and listed by {@code releases()}, e.g. {@code v2}. */
  String version();

  /** The commit id, when the source knows one. */
  default Optional<String> commit() {
    return Optional.empty();
  }

  /** A one-line description for logs and reports, e.g. {@code git v2 (3f2a9c1)}. */
  String describe();

  /** Extra facts recorded in the release log, e.g. {@code describe → v2-3-g3f2a9c1}. */
  default Map<String, String> metadata() {
    return Map.of();
  }

  /**
   * A file of the release as the controller has it, before any host does, e.g. a dependency lock
   * file; empty when the source cannot tell without installing. A dry run, which installs nothing,
   * reads lock files this way.
   *
   * @param relativePath a path inside the release, e.g. {@code requirements.txt}
   */
  default Optional<byte[]> file(String relativePath) {
    return Optional.empty();
  }

  /**
   * Puts the release's files into {@code target.directory()} on {@code host}. The directory exists
   * and is empty; it is a staging directory that becomes the release only when everything succeeded.
   */
  void install(Host host, InstallTarget target);

  /**
   * The operations that do {@link #install}'s work, when it is only operations (an upload and an
   * unpack, say): the release manager then sends them in the prepare step's batch instead of a
   * round trip of their own. Empty (the default) means: call {@link #install}.
   *
   * <p>They may also be a fast path that can fail where {@link #install} would not (an incremental
   * update from {@link InstallTarget#previousRelease()}, say): if one of them fails, the release
   * manager empties {@code target.directory()} and calls {@link #install} for the same host and
   * target, then sends the rest of the batch; only if {@link #install} fails too does the deploy
   * fail, in the step that sent the batch. So the operations must leave nothing outside
   * {@code target.directory()} that {@link #install} would trip over.
   */
  default Optional<List<Operation>> installOperations(InstallTarget target) {
    return Optional.empty();
  }
}
