package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a deploy lock, as written in the lock directory when it was taken.
 *
 * @param user the user who ran the deploy on the controller
 * @param controller the controller machine's host name
 * @param pid the controller process id
 * @param since when the lock was taken
 * @param action what holds it, e.g. {@code deploy 20251022090030} or {@code rollback}
 * @param token a random value that tells this lock from one taken by another run
 */
public record LockHolder(String user, String controller, long pid, Instant since, String action, String token) {
  public LockHolder {
    requireNonNull(user, "user");
    requireNonNull(controller, "controller");
    requireNonNull(since, "since");
    requireNonNull(action, "action");
    requireNonNull(token, "token");
  }

  /** A holder for this process, taking the lock now for {@code action}. */
  public static LockHolder thisProcess(Clock clock, String action) {
    return new LockHolder(System.getProperty("user.name", "unknown"), controllerName(), ProcessHandle.current().pid(),
        clock.instant(), action, UUID.randomUUID().toString());
  }

  /** The name of this controller machine, for lock holders and the release registry. */
  public static String controllerName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-controller";
    }
  }

  /**
   * Whether the holder is known to be gone: it ran on this controller and its process no longer
   * exists. A holder on another controller is never called stale; its age is shown instead.
   */
  public boolean stale() {
    return controller.equals(controllerName()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  /** e.g. {@code alice@laptop pid 4242 since 2025-10-22T09:00:30Z (deploy 20251022090030)}. */
  public String describe() {
    return user + "@" + controller + " pid " + pid + " since " + since + " (" + action + ")";
  }

  /** The lock file's text. */
  String format() {
    return "user=" + user + "\ncontroller=" + controller + "\npid=" + pid + "\nsince=" + since + "\naction="
        + action.replace('\n', ' ') + "\ntoken=" + token + "\n";
  }

  /** The holder written in a lock file, if the text is one. */
  static Optional<LockHolder> parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    text.lines().map(line -> line.split("=", 2)).filter(kv -> kv.length == 2).forEach(kv -> fields.put(kv[0], kv[1]));
    try {
      return Optional.of(new LockHolder(fields.get("user"), fields.get("controller"), Long.parseLong(fields.get("pid")),
          Instant.parse(fields.get("since")), fields.get("action"), fields.get("token")));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
