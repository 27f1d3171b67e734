package dev.slipway.ssh;

import dev.slipway.ConnectionFailedException;
import java.util.List;

/**
 * The server offered a key different from the one known_hosts records for it: the server was
 * reinstalled, or someone is in the middle. Never accepted automatically.
 */
public class HostKeyMismatchException extends ConnectionFailedException {
  private static final long serialVersionUID = 1L;

  private final List<String> expectedFingerprints;
  private final String offeredFingerprint;

  public HostKeyMismatchException(String host, String hostKeyName, List<String> expectedFingerprints,
                                  String offeredFingerprint, String knownHosts) {
    super(host, "HOST KEY CHANGED for " + host + " (" + hostKeyName + "): known_hosts " + knownHosts
        + " expects " + String.join(" or ", expectedFingerprints) + " but the server offered "
        + offeredFingerprint + ". Someone may be intercepting the connection, or the server was "
        + "reinstalled: confirm with its administrator, then remove the old entry (ssh-keygen -R "
        + hostKeyName + ").");
    this.expectedFingerprints = List.copyOf(expectedFingerprints);
    this.offeredFingerprint = offeredFingerprint;
  }

  /** The fingerprints known_hosts lists for the host. */
  public List<String> expectedFingerprints() {
    return expectedFingerprints;
  }

  /** The fingerprint of the key the server offered. */
  public String offeredFingerprint() {
    return offeredFingerprint;
  }
}
