package dev.slipway.ssh;

/**
 * What to do with the key a server offers. The default is {@link #STRICT}; the others are chosen
 * explicitly on the {@link SshHost.Builder}.
 */
public enum HostKeyPolicy {
  /** The key must already be in known_hosts (as OpenSSH's {@code StrictHostKeyChecking yes}). */
  STRICT,
  /** An unknown host's key is recorded in known_hosts, then trusted; a changed key is refused. */
  ACCEPT_NEW,
  /** Any key is trusted and nothing is recorded: a man in the middle goes unnoticed. Tests only. */
  INSECURE_TRUST_ANY
}
