package dev.slipway.internal;

import static dev.slipway.internal.Quoting.quote;

import dev.slipway.Batch;
import dev.slipway.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a {@link Batch} into one {@code sh} script: {@code set -eu}, every path quoted, each
 * operation guarded so that the first failure stops the script and names the operation on stderr
 * ({@code slipway: operation 3 of 5 failed: mv /a /b}, or {@code slipway: operation 2 of 5 timed out
 * after 30s: …} for a command past its time limit), which {@link #failedOperation} and
 * {@link #timedOut} read back. The one place that renders each operation as shell text
 * ({@link #shell}), for batches and for the SSH transport's file operations.
 *
 * <p>POSIX {@code sh} and utilities, but for {@code mv -T} (GNU coreutils, also BusyBox): it
 * renames onto a symlink to a directory instead of moving into that directory, which is what
 * makes replacing {@code current} one atomic {@code rename(2)}.
 *
 * <p>A command with a {@linkplain dev.slipway.Command#timeout() time limit} runs in the background
 * (its standard input is then {@code /dev/null}) beside a watchdog that polls it every second and,
 * once the limit (rounded up to whole seconds) has passed, kills it and every process below it,
 * found with {@code ps -A -o pid= -o ppid=} (POSIX; GNU {@code timeout} is not everywhere and
 * kills no grandchild that holds the output open). The script then exits 124.
 */
public final class ScriptCompiler {
  private static final String FAILED = "slipway: operation ";
  // Not anchored at a line's start: an operation whose stderr lacks its final newline has it glued on.
  private static final Pattern FAILED_LINE =
      Pattern.compile(FAILED + "(\\d+) of (\\d+) (failed|timed out after \\d+s): ");
  private static final String TIMED_OUT = "timed out";
  // The watchdog ignores TERM once it kills, so that its exit status (124) tells the script the command was late.
  private static final String WATCHDOG = """
      slipway_tree() { echo "$1"; for slipway_c in $(ps -A -o pid= -o ppid= | awk -v p="$1" '$2 == p { print $1 }'); \
      do slipway_tree "$slipway_c"; done; }
      slipway_watch() {
        (n=0; while kill -0 "$1" 2>/dev/null; do
          if [ "$n" -ge "$2" ]; then trap '' TERM; kill -KILL $(slipway_tree "$1") 2>/dev/null; exit 124; fi
          sleep 1; n=$((n + 1)); done) >/dev/null 2>&1 &
        slipway_w=$!
        wait "$1" 2>/dev/null && slipway_s=0 || slipway_s=$?
        kill "$slipway_w" 2>/dev/null || :
        wait "$slipway_w" 2>/dev/null && slipway_t=0 || slipway_t=$?
        if [ "$slipway_t" -eq 124 ]; then slipway_late=$2; return 124; fi
        return "$slipway_s"
      }
      """;

  private ScriptCompiler() {}

  /** The script for {@code batch}. */
  public static String compile(Batch batch) {
    List<Operation> ops = batch.operations();
    StringBuilder script = new StringBuilder("set -eu\nslipway_late=\n")
        .append("slipway_fail() { s=$?; if [ -n \"$slipway_late\" ]; then ")
        .append(report(ops.size(), "timed out after %ss", "\"$slipway_late\" ")).append("; else ")
        .append(report(ops.size(), "failed", "")).append("; fi; exit $s; }\n");
    if (ops.stream().anyMatch(op -> limit(op).isPresent())) {
      script.append(WATCHDOG);
    }
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      script.append("{ ").append(guarded(op)).append("\n} || slipway_fail ").append(i + 1).append(' ')
          .append(quote(op.describe())).append('\n');
    }
    return script.toString();
  }

  // printf of the line naming operation $1 (described by $2) of `size`; `verb` may take one more argument.
  private static String report(int size, String verb, String verbArgument) {
    return "printf '" + FAILED + "%s of " + size + " " + verb + ": %s\\n' \"$1\" " + verbArgument + "\"$2\" >&2";
  }

  private static String guarded(Operation op) {
    return limit(op).map(seconds -> shell(op) + " & slipway_watch $! " + seconds).orElseGet(() -> shell(op));
  }

  /** The time limit of a command, in whole seconds rounded up; empty for other operations. */
  private static Optional<Long> limit(Operation op) {
    Optional<Duration> timeout = op instanceof Operation.Exec exec ? exec.command().timeout() : Optional.empty();
    return timeout.map(limit -> (limit.toMillis() + 999) / 1000);
  }

  /** The line a failed batch ends its stderr with, as the compiled script prints it; for fakes. */
  public static String failureLine(Batch batch, int index) {
    return line(batch, index, "failed");
  }

  /** The line a batch whose command {@code index} ran past its time limit ends its stderr with; for fakes. */
  public static String timeoutLine(Batch batch, int index) {
    return line(batch, index, "timed out after " + limit(batch.operations().get(index)).orElse(0L) + "s");
  }

  private static String line(Batch batch, int index, String verb) {
    return FAILED + (index + 1) + " of " + batch.operations().size() + " " + verb + ": "
        + batch.operations().get(index).describe() + "\n";
  }

  /** The index (from 0) of the operation a failed batch's stderr names; empty if it names none. */
  public static OptionalInt failedOperation(String stderr) {
    return lastFailureLine(stderr).map(line -> OptionalInt.of(Integer.parseInt(line.group(1)) - 1))
        .orElse(OptionalInt.empty());
  }

  /** Whether the operation a failed batch's stderr names ran past its time limit. */
  public static boolean timedOut(String stderr) {
    return lastFailureLine(stderr).filter(line -> line.group(3).startsWith(TIMED_OUT)).isPresent();
  }

  /** {@code stderr} without the line naming the failed operation: what the operation itself wrote. */
  public static String withoutFailureLine(String stderr) {
    // The script writes that line last, then exits; an operation's description may span lines.
    return lastFailureLine(stderr).map(line -> stderr.substring(0, line.start())).orElse(stderr);
  }

  private static Optional<MatchResult> lastFailureLine(String stderr) {
    Matcher line = FAILED_LINE.matcher(stderr);
    MatchResult last = null;
    while (line.find()) {
      last = line.toMatchResult();
    }
    return Optional.ofNullable(last);
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
