package dev.slipway.internal;

import static dev.slipway.internal.Quoting.quote;

import dev.slipway.Batch;
import dev.slipway.Operation;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a {@link Batch} into one {@code sh} script: {@code set -eu}, every path quoted, each
 * operation guarded so that the first failure stops the script and names the operation on stderr
 * ({@code slipway: operation 3 of 5 failed: mv /a /b}), which {@link #failedOperation} reads back.
 * The one place that renders each operation as shell text ({@link #shell}), for batches and for
 * the SSH transport's file operations.
 *
 * <p>POSIX {@code sh} and utilities, but for {@code mv -T} (GNU coreutils, also BusyBox): it
 * renames onto a symlink to a directory instead of moving into that directory, which is what
 * makes replacing {@code current} one atomic {@code rename(2)}.
 */
public final class ScriptCompiler {
  private static final String FAILED = "slipway: operation ";
  // Not anchored at a line's start: an operation whose stderr lacks its final newline has it glued on.
  private static final Pattern FAILED_LINE = Pattern.compile(FAILED + "(\\d+) of (\\d+) failed: ");

  private ScriptCompiler() {}

  /** The script for {@code batch}. */
  public static String compile(Batch batch) {
    List<Operation> ops = batch.operations();
    StringBuilder script = new StringBuilder("set -eu\n")
        .append("slipway_fail() { s=$?; printf '").append(FAILED).append("%s of ").append(ops.size())
        .append(" failed: %s\\n' \"$1\" \"$2\" >&2; exit $s; }\n");
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      script.append("{ ").append(shell(op)).append("\n} || slipway_fail ").append(i + 1).append(' ')
          .append(quote(op.describe())).append('\n');
    }
    return script.toString();
  }

  /** The line a failed batch ends its stderr with, as the compiled script prints it; for fakes. */
  public static String failureLine(Batch batch, int index) {
    return FAILED + (index + 1) + " of " + batch.operations().size() + " failed: "
        + batch.operations().get(index).describe() + "\n";
  }

  /** The index (from 0) of the operation a failed batch's stderr names; empty if it names none. */
  public static OptionalInt failedOperation(String stderr) {
    Matcher line = FAILED_LINE.matcher(stderr);
    OptionalInt index = OptionalInt.empty();
    while (line.find()) {
      index = OptionalInt.of(Integer.parseInt(line.group(1)) - 1);
    }
    return index;
  }

  /** {@code stderr} without the line naming the failed operation: what the operation itself wrote. */
  public static String withoutFailureLine(String stderr) {
    // The script writes that line last, then exits; an operation's description may span lines.
    Matcher line = FAILED_LINE.matcher(stderr);
    int start = -1;
    while (line.find()) {
      start = line.start();
    }
    return start < 0 ? stderr : stderr.substring(0, start);
  }

  /** The shell text of one operation. */
  public static String shell(Operation op) {
    return op.accept(SHELL);
  }

  private static final Operation.Visitor<String> SHELL = new Operation.Visitor<>() {
    @Override
    public String mkdirs(Operation.Mkdirs op) {
      return "mkdir -p -- " + quote(op.path());
    }

    @Override
    public String createDirectory(Operation.CreateDirectory op) {
      return "mkdir -- " + quote(op.path());
    }

    // ln -s under a temporary name, then rename(2) over the old link: atomic, and a relative
    // target stays relative.
    @Override
    public String symlink(Operation.Symlink op) {
      String temp = temporary(op.link());
      return cleared(temp) + " && ln -s -- " + quote(op.target()) + " " + temp + renamedOver(temp, op.link());
    }

    @Override
    public String rename(Operation.Rename op) {
      return "mv -Tf -- " + quote(op.from()) + " " + quote(op.to());
    }

    @Override
    public String remove(Operation.Remove op) {
      return "rm -rf -- " + quote(op.path());
    }

    @Override
    public String writeFile(Operation.WriteFile op) {
      return written("printf '%s' " + quote(op.content()), op.path(), op.mode());
    }

    // head -c reads exactly this file's bytes, leaving the next upload's on stdin.
    @Override
    public String upload(Operation.Upload op) {
      return written("head -c " + op.content().length, op.path(), op.mode());
    }

    @Override
    public String appendFile(Operation.AppendFile op) {
      return "printf '%s' " + quote(op.content()) + " >> " + quote(op.path());
    }

    @Override
    public String copy(Operation.Copy op) {
      return "cp -a -- " + quote(op.from()) + " " + quote(op.to());
    }

    @Override
    public String exec(Operation.Exec op) {
      if (!op.command().secrets().isEmpty()) {
        throw new IllegalArgumentException("a batch cannot carry secrets; run the command on its own: " + op.command());
      }
      // As sh -c runs it: the script's -eu would otherwise end a subshell or command substitution
      // inside it at its first failure (dash), e.g. a polling loop at its first refused connection.
      return "(set +eu\n" + op.command().render() + "\n)";
    }
  };

  // What `producer` prints becomes `path` under a temporary name, then renamed into place. The
  // temporary file is private while its content arrives, unless everyone may read the file anyway:
  // a private or world-readable mode is given by the umask, so no chmod runs; any other mode, and
  // execute or special bits (which a shell's redirection cannot create), take a private file and a chmod.
  private static String written(String producer, String path, int mode) {
    String temp = temporary(path);
    boolean byUmask = (mode & ~0666) == 0 && ((mode & ~0600) == 0 || (mode & 0004) != 0);
    String umask = byUmask ? String.format("%03o", ~mode & 0777) : "077";
    return cleared(temp) + " && (umask " + umask + " && " + producer + " > " + temp + ")"
        + (byUmask ? "" : " && chmod " + Integer.toOctalString(mode) + " " + temp) + renamedOver(temp, path);
  }

  private static String temporary(String path) {
    return quote(path + ".slipway-") + "$$";
  }

  // A leftover of an earlier script with the same pid is removed; only then does rm run (test is built in).
  private static String cleared(String temp) {
    return "{ [ ! -e " + temp + " ] && [ ! -L " + temp + " ] || rm -f -- " + temp + "; }";
  }

  private static String renamedOver(String temp, String path) {
    return " && mv -Tf -- " + temp + " " + quote(path) + " || { rm -f -- " + temp + "; false; }";
  }
}
