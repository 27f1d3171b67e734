package dev.slipway.ssh.internal;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.Slf4jLogger;
import dev.slipway.ConnectionFailedException;
import dev.slipway.ssh.AuthenticationFailedException;
import dev.slipway.ssh.ConnectTimeoutException;
import dev.slipway.ssh.HostKeyMismatchException;
import dev.slipway.ssh.HostKeyPolicy;
import dev.slipway.ssh.HostUnreachableException;
import dev.slipway.ssh.UnknownHostKeyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens JSch sessions to a target, through its jump hosts, and turns JSch's failures into
 * exceptions that name the host and the fix.
 */
public final class Connector {
  private final SshSettings settings;
  private final JSch jsch = new JSch();
  private final List<HostKeyRepository> moreKnownHosts = new ArrayList<>();
  private KeyRing keys;

  public Connector(SshSettings settings) {
    this.settings = settings;
    jsch.setInstanceLogger(new Slf4jLogger());
    try {
      if (settings.hostKeys() == HostKeyPolicy.ACCEPT_NEW && !Files.exists(settings.knownHosts())) {
        Files.createDirectories(settings.knownHosts().toAbsolutePath().getParent());
        Files.createFile(settings.knownHosts());
      }
      if (Files.exists(settings.knownHosts()) || settings.hostKeys() == HostKeyPolicy.ACCEPT_NEW) {
        jsch.setKnownHosts(settings.knownHosts().toString());
      }
      for (Path file : settings.moreKnownHosts()) {
        if (Files.isReadable(file)) {
          JSch reader = new JSch();
          reader.setKnownHosts(file.toString());
          moreKnownHosts.add(reader.getHostKeyRepository());
        }
      }
    } catch (JSchException e) {
      throw new ConnectionFailedException(settings.name(), "Cannot read known_hosts " + settings.knownHosts()
          + " for " + settings.name() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + settings.knownHosts(), e);
    }
  }

  /** A connected session to the target; every hop's host key is verified. */
  public Connection open() {
    synchronized (this) {
      if (keys == null) {
        keys = KeyRing.load(settings);
        jsch.setIdentityRepository(keys);
      }
    }
    List<Session> opened = new ArrayList<>();
    try {
      List<Endpoint> hops = new ArrayList<>(settings.jumps());
      hops.add(settings.target());
      for (Endpoint hop : hops) {
        Session session = newSession(hop);
        if (!opened.isEmpty()) {
          session.setProxy(new JumpProxy(opened.get(opened.size() - 1)));
        }
        connect(session, hop);
        opened.add(session);
      }
      return new Connection(opened);
    } catch (RuntimeException e) {
      new Connection(opened).close();
      throw e;
    }
  }

  private Session newSession(Endpoint hop) {
    try {
      Session session = jsch.getSession(hop.user(), hop.address(), hop.port());
      settings.password().ifPresent(p -> session.setPassword(p.reveal().getBytes(StandardCharsets.UTF_8)));
      session.setConfig("StrictHostKeyChecking",
          settings.hostKeys() == HostKeyPolicy.INSECURE_TRUST_ANY ? "no" : "yes");
      session.setConfig("PreferredAuthentications",
          settings.password().isPresent() ? "publickey,keyboard-interactive,password" : "publickey");
      if (settings.keepAlive().isPresent()) {
        session.setServerAliveInterval((int) settings.keepAlive().get().toMillis());
        session.setServerAliveCountMax(3);
      }
      return session;
    } catch (JSchException e) {
      throw new ConnectionFailedException(settings.name(), "Cannot set up a session to " + hop + ": "
          + e.getMessage(), e);
    }
  }

  private void connect(Session session, Endpoint hop) {
    KnownHostsVerifier verifier =
        new KnownHostsVerifier(jsch.getHostKeyRepository(), moreKnownHosts, settings.hostKeys(), settings.name());
    session.setHostKeyRepository(verifier);
    try {
      session.connect((int) settings.connectTimeout().toMillis());
    } catch (JSchException e) {
      throw translate(e, hop, verifier);
    }
  }

  private ConnectionFailedException translate(JSchException e, Endpoint hop, KnownHostsVerifier verifier) {
    String name = settings.name();
    String knownHosts = settings.knownHosts().toString();
    if (e instanceof JSchUnknownHostKeyException) {
      return new UnknownHostKeyException(name, hop.hostKeyName(), verifier.offered(), knownHosts);
    }
    if (e instanceof JSchChangedHostKeyException) {
      return new HostKeyMismatchException(name, hop.hostKeyName(), verifier.expected(), verifier.offered(),
          knownHosts);
    }
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
      return new AuthenticationFailedException(name, hop.toString(), methodsTried(), e);
    }
    if (hasCause(e, SocketTimeoutException.class) || message.startsWith("timeout")) {
      return new ConnectTimeoutException(name, hop.toString(), settings.connectTimeout(), e);
    }
    if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
        || hasCause(e, NoRouteToHostException.class)) {
      return new HostUnreachableException(name, hop.toString(), rootCause(e));
    }
    return new ConnectionFailedException(name, "Could not connect to " + name + " at " + hop + ": " + message, e);
  }

  private List<String> methodsTried() {
    List<String> methods = new ArrayList<>(keys.offered());
    settings.password().ifPresent(p -> methods.add("password"));
    if (methods.isEmpty()) {
      methods.add("nothing: no ssh-agent (SSH_AUTH_SOCK), no IdentityFile in the ssh config, no ~/.ssh/id_ed25519, "
          + "id_ecdsa or id_rsa, and no identity(...) or password(...) in code");
    }
    return methods;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
