package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Release faults over SSH to a real OpenSSH sshd. Every exec command goes through a forced command
 * that counts it and, when a trigger file exists, kills its connection's sshd process before
 * running it or after it ran (before its exit status is sent); or the connection processes are
 * killed between commands. Skipped, saying how to enable it, where sshd is missing or the tests do
 * not run as root.
 */
class OpenSshReleaseFaultsTest extends ReleaseFaultsOverSsh {
  private static final String BEFORE_RUNNING = "as the next command arrives";
  private static final String AFTER_RUNNING = "as the next command ends";
  private static final Path FAULTS = OpenSshDeployTarget.directory("release-fault-triggers");
  private static final String WRAPPER = String.join("\n",
      "#!/bin/sh",
      "dir=$(dirname \"$0\")",
      "case \"$SSH_ORIGINAL_COMMAND\" in",
      "  internal-sftp) exec /usr/lib/openssh/sftp-server ;;",
      "esac",
      "echo exec >> \"$dir/execs\"",
      // Kills this connection's sshd process (procps may be missing, so no pkill), found by walking up.
      "drop() {",
      "  pid=$$",
      "  while [ \"$pid\" -gt 1 ]; do",
      "    case $(cat /proc/$pid/comm) in sshd|sshd-session) kill -KILL \"$pid\"; exit 255 ;; esac",
      "    read -r _ _ _ pid _ < /proc/$pid/stat",
      "  done",
      "  echo \"no sshd process above $$\" > \"$dir/drop-failed\"",
      "  exit 255",
      "}",
      "if rm \"$dir/drop-before\" 2>/dev/null; then drop; fi",
      "/bin/sh -c \"$SSH_ORIGINAL_COMMAND\"",
      "status=$?",
      "if rm \"$dir/drop-after\" 2>/dev/null; then drop; fi",
      "exit $status",
      "");

  static OpenSshDeployTarget target;

  @BeforeAll
  static void startServer() throws IOException {
    Files.createDirectories(FAULTS);
    clearTriggers();
    // A count left by an earlier run belongs to that run's deploy user, which this one cannot append to.
    Files.deleteIfExists(FAULTS.resolve("execs"));
    Files.writeString(FAULTS.resolve("command"), WRAPPER);
    Files.setPosixFilePermissions(FAULTS.resolve("command"), PosixFilePermissions.fromString("rwxr-xr-x"));
    target = OpenSshDeployTarget.start("release-faults", "ForceCommand " + FAULTS.resolve("command"));
    target.own(FAULTS);
  }

  @AfterAll
  static void stopServer() {
    OpenSshDeployTarget.close(target);
  }

  @Override
  protected Host newHost(String name) {
    return target.host(name);
  }

  @Override
  protected void prepare(Path directory) {
    target.own(directory);
    target.own(directory.getParent());
  }

  @Override
  protected List<String> drops() {
    return List.of(BEFORE_RUNNING, AFTER_RUNNING, BETWEEN_COMMANDS);
  }

  @Override
  protected void arm(String drop) {
    switch (drop) {
      case BEFORE_RUNNING -> touch("drop-before");
      case AFTER_RUNNING -> touch("drop-after");
      default -> target.server.dropConnections();
    }
  }

  @Override
  protected void disarm() {
    Path failed = FAULTS.resolve("drop-failed");
    assertThat(failed).as("the forced command could not drop the connection").doesNotExist();
    clearTriggers();
  }

  private static void clearTriggers() {
    try {
      Files.deleteIfExists(FAULTS.resolve("drop-before"));
      Files.deleteIfExists(FAULTS.resolve("drop-after"));
      Files.deleteIfExists(FAULTS.resolve("drop-failed"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected int execChannels() {
    return MinaSshReleasesTest.linesIn(FAULTS.resolve("execs"));
  }

  private static void touch(String trigger) {
    try {
      Files.writeString(FAULTS.resolve(trigger), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
