package dev.slipway.ssh;

import dev.slipway.ConnectionFailedException;

/** The server offered a key that known_hosts does not list, and new keys are not accepted. */
public class UnknownHostKeyException extends ConnectionFailedException {
  private static final long serialVersionUID = 1L;

  private final String offeredFingerprint;

  public UnknownHostKeyException(String host, String hostKeyName, String offeredFingerprint, String knownHosts) {
    super(host, "Unknown host key for " + host + " (" + hostKeyName + "): the server offered "
        + offeredFingerprint + ", which is not in " + knownHosts + ". Check the fingerprint with the "
        + "server's administrator, then add it (ssh-keyscan -p PORT HOST >> known_hosts) or call "
        + "acceptNewHostKeys() on the SshHost builder to record it on first use.");
    this.offeredFingerprint = offeredFingerprint;
  }

  /** The offered key's fingerprint, e.g. {@code SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU}. */
  public String offeredFingerprint() {
    return offeredFingerprint;
  }
}
