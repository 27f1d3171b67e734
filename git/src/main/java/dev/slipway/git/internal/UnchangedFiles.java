package dev.slipway.git.internal;

import dev.slipway.Command;
import dev.slipway.ConnectionFailedException;
import dev.slipway.Host;
import dev.slipway.SlipwayException;
import dev.slipway.Batch;
import dev.slipway.Operation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the files an incremental upload does not send from the previous release into the new one,
 * on the host, keeping modes, times and symlinks. Copies, not hard links: a release must stay
 * independent of its predecessor (cleanup deletes old releases, and an edit in one release, by a hook
 * or an operator, must not leak into the other through a shared inode).
 *
 * <p>One {@code tar} pair copies them all (the file list NUL-separated); one {@code cp -a} per file
 * would cost a process each, seconds for a thousand files, and its script would outgrow what one
 * exec request can carry beside an upload (64 KiB). When {@link #copy} runs it on its own, a host
 * whose tar cannot do that gets {@link Operation.Copy} batches instead.
 */
final class UnchangedFiles {
  /** Operations per batch: keeps each compiled script well under the kernel's 128 KiB argument limit. */
  private static final int OPERATIONS_PER_BATCH = 250;

  private UnchangedFiles() {}

  /**
   * Copies {@code files} from {@code from} to {@code to}, with {@code scratch} as a temporary tar file.
   *
   * @throws dev.slipway.CommandFailedException if a file cannot be copied (e.g. removed from {@code from})
   */
  static void copy(Host host, String from, String to, String scratch, List<Manifest.Entry> files) {
    if (files.isEmpty() || copiedWithTar(host, from, to, scratch, files)) {
      return;
    }
    List<Operation> operations = new ArrayList<>();
    new Manifest("", files).directories().forEach(dir -> operations.add(new Operation.Mkdirs(to + "/" + dir)));
    files.forEach(file -> operations.add(new Operation.Copy(from + "/" + file.path(), to + "/" + file.path())));
    for (int start = 0; start < operations.size(); start += OPERATIONS_PER_BATCH) {
      host.apply(new Batch(operations.subList(start, Math.min(operations.size(), start + OPERATIONS_PER_BATCH))));
    }
  }

  /**
   * The copy as operations of a batch: the list uploaded to {@code scratch.list}, a {@code tar}
   * pair through {@code scratch.tar}, both removed after. The fake host runs that pair too.
   */
  static List<Operation> operations(String from, String to, String scratch, List<Manifest.Entry> files) {
    String list = scratch + ".list";
    String tar = scratch + ".tar";
    return List.of(
        new Operation.Upload(list, nulSeparated(files), 0600),
        new Operation.Exec(Command.cmd("tar", "-C", from, "-cf", tar, "--null", "-T", list)),
        new Operation.Exec(Command.cmd("tar", "-xpf", tar, "-C", to)),
        new Operation.Remove(tar),
        new Operation.Remove(list));
  }

  private static boolean copiedWithTar(Host host, String from, String to, String scratch, List<Manifest.Entry> files) {
    // Through a file rather than a pipe: sh has no pipefail, and a failing tar -c must fail the copy.
    Command tar = Command.format("cd %s && tar -cf %s --null -T - && tar -xpf %s -C %s; status=$?; rm -f %s; "
        + "exit $status", from, scratch, scratch, to, scratch).withStdin(nulSeparated(files)).allowFailure();
    try {
      return host.execute(tar).succeeded();
    } catch (ConnectionFailedException lost) {
      throw lost;
    } catch (SlipwayException cannotRunIt) {
      // A host that cannot run the pipe (a FakeHost with no script for it) copies with a batch instead.
      return false;
    }
  }

  private static byte[] nulSeparated(List<Manifest.Entry> files) {
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    for (Manifest.Entry file : files) {
      list.writeBytes(file.path().getBytes(StandardCharsets.UTF_8));
      list.write(0);
    }
    return list.toByteArray();
  }
}
