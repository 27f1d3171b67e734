package dev.slipway.ssh.internal;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import dev.slipway.ssh.HostKeyPolicy;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a server's key against known_hosts under a {@link HostKeyPolicy}, and remembers what was
 * offered and expected so that a refusal can show both fingerprints. One per connection attempt.
 */
final class KnownHostsVerifier implements HostKeyRepository {
  private static final Logger log = LoggerFactory.getLogger(KnownHostsVerifier.class);

  private final HostKeyRepository known;
  private final List<HostKeyRepository> alsoKnown;
  private final HostKeyPolicy policy;
  private final String hostName;
  private String offered = "(no key offered)";
  private final List<String> expected = new ArrayList<>();

  KnownHostsVerifier(HostKeyRepository known, List<HostKeyRepository> alsoKnown, HostKeyPolicy policy,
                     String hostName) {
    this.known = known;
    this.alsoKnown = List.copyOf(alsoKnown);
    this.policy = policy;
    this.hostName = hostName;
  }

  @Override
  public int check(String host, byte[] key) {
    offered = fingerprint(key);
    if (policy == HostKeyPolicy.INSECURE_TRUST_ANY) {
      log.warn("{}: host key {} of {} NOT VERIFIED (insecureTrustAnyHostKey)", hostName, offered, host);
      return OK;
    }
    int result = NOT_INCLUDED;
    for (HostKeyRepository file : files()) {
      int answer = file.check(host, key);
      if (answer == OK) {
        return OK;
      }
      if (answer == CHANGED) {
        result = CHANGED;
        for (HostKey entry : file.getHostKey(host, typeOf(host, key))) {
          expected.add(fingerprint(Base64.getDecoder().decode(entry.getKey())));
        }
      }
    }
    if (result == NOT_INCLUDED && policy == HostKeyPolicy.ACCEPT_NEW) {
      known.add(hostKey(host, key), null);
      log.info("{}: recorded the new host key {} of {} in {}", hostName, offered, host,
          known.getKnownHostsRepositoryID());
      return OK;
    }
    return result;
  }

  private List<HostKeyRepository> files() {
    List<HostKeyRepository> all = new ArrayList<>();
    all.add(known);
    all.addAll(alsoKnown);
    return all;
  }

  /** The fingerprint of the key the server offered, once it has offered one. */
  String offered() {
    return offered;
  }

  /** The fingerprints known_hosts had for a host whose key changed. */
  List<String> expected() {
    return List.copyOf(expected);
  }

  /** OpenSSH's form: {@code SHA256:} and the unpadded base64 of the key blob's SHA-256. */
  static String fingerprint(byte[] keyBlob) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  private static String typeOf(String host, byte[] key) {
    return hostKey(host, key).getType();
  }

  private static HostKey hostKey(String host, byte[] key) {
    try {
      return new HostKey(host, key);
    } catch (JSchException e) {
      throw new IllegalArgumentException("unreadable host key from " + host, e);
    }
  }

  @Override
  public void add(HostKey hostkey, UserInfo ui) {
    known.add(hostkey, ui);
  }

  @Override
  public void remove(String host, String type) {
    known.remove(host, type);
  }

  @Override
  public void remove(String host, String type, byte[] key) {
    known.remove(host, type, key);
  }

  @Override
  public String getKnownHostsRepositoryID() {
    return known.getKnownHostsRepositoryID();
  }

  @Override
  public HostKey[] getHostKey() {
    return known.getHostKey();
  }

  @Override
  public HostKey[] getHostKey(String host, String type) {
    return known.getHostKey(host, type);
  }
}
