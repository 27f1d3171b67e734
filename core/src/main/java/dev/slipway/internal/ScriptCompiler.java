package dev.slipway.internal;

import static dev.slipway.internal.Quoting.quote;

import dev.slipway.Batch;
import dev.slipway.Operation;
import java.util.List;

/**
 * Compiles a {@link Batch} into one POSIX {@code sh} script: {@code set -eu}, every path quoted,
 * each operation guarded so that the first failure stops the script and names the operation on
 * stderr ({@code slipway: operation 3 of 5 failed: mv /a /b}).
 */
public final class ScriptCompiler {
  /** How a compiled script's stderr line naming the failed operation starts. */
  public static final String FAILED_OPERATION = "slipway: operation ";

  private ScriptCompiler() {}

  /** The script for {@code batch}. */
  public static String compile(Batch batch) {
    List<Operation> ops = batch.operations();
    StringBuilder script = new StringBuilder("set -eu\n")
        .append("slipway_fail() { s=$?; printf '").append(FAILED_OPERATION).append("%s of ").append(ops.size())
        .append(" failed: %s\\n' \"$1\" \"$2\" >&2; exit $s; }\n");
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      script.append("{ ").append(shell(op)).append("\n} || slipway_fail ").append(i + 1).append(' ')
          .append(quote(op.describe())).append('\n');
    }
    return script.toString();
  }

  /** The shell text of one operation. */
  static String shell(Operation op) {
    if (op instanceof Operation.Mkdirs m) {
      return "mkdir -p -- " + quote(m.path());
    } else if (op instanceof Operation.CreateDirectory c) {
      return "mkdir -- " + quote(c.path());
    } else if (op instanceof Operation.Symlink s) {
      String temp = quote(s.link()) + ".slipway-$$";
      return "rm -f -- " + temp + " && ln -s -- " + quote(s.target()) + " " + temp
          + " && mv -Tf -- " + temp + " " + quote(s.link());
    } else if (op instanceof Operation.Rename r) {
      return "mv -Tf -- " + quote(r.from()) + " " + quote(r.to());
    } else if (op instanceof Operation.Remove r) {
      return "rm -rf -- " + quote(r.path());
    } else if (op instanceof Operation.WriteFile w) {
      String temp = quote(w.path()) + ".slipway-$$";
      return "printf '%s' " + quote(w.content()) + " > " + temp
          + " && chmod " + Integer.toOctalString(w.mode()) + " " + temp
          + " && mv -Tf -- " + temp + " " + quote(w.path());
    } else if (op instanceof Operation.AppendFile a) {
      return "printf '%s' " + quote(a.content()) + " >> " + quote(a.path());
    } else if (op instanceof Operation.Copy c) {
      return "cp -a -- " + quote(c.from()) + " " + quote(c.to());
    } else if (op instanceof Operation.Exec e) {
      if (!e.command().secrets().isEmpty()) {
        throw new IllegalArgumentException("a batch cannot carry secrets; run the command on its own: " + e.command());
      }
      return e.command().render();
    }
    throw new IllegalArgumentException("unknown operation " + op);
  }
}
