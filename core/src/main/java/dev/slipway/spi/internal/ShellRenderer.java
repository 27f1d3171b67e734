package dev.slipway.spi.internal;

import dev.slipway.Command;
import dev.slipway.HostContext;
import dev.slipway.Secret;
import dev.slipway.internal.Quoting;
import dev.slipway.spi.Sudo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a command and its context into the shell text a transport runs, in one fixed order:
 * secrets (arguments, then secret variables) read from stdin → {@code cd} → {@code export} → prefixes → the command, all wrapped in
 * {@code sudo -u USER -H -- sh -c '…'} when the context has a user.
 *
 * <p>Secret arguments never appear in the text (so never in {@code ps} on the host): the script
 * starts by reading each from a line of stdin into a shell variable, and the command uses
 * {@code "$SLIPWAY_SECRET_n"}. The caller sends {@link Rendered#stdin()} ahead of the command's
 * own input.
 */
public final class ShellRenderer {
  /** The prompt sudo is told to print, so that a transport knows when to send the password. */
  public static final String SUDO_PROMPT = Sudo.PROMPT;

  private ShellRenderer() {}

  /**
   * The rendering of {@code command} in {@code context}.
   *
   * @param sudoWithPassword whether sudo must ask for a password on stdin ({@code -S}) instead of
   *     failing at once when one is needed ({@code -n})
   */
  public static Rendered render(Command command, HostContext context, boolean sudoWithPassword) {
    List<Secret> secrets = new ArrayList<>();
    String body = command.render(secret -> {
      int index = secrets.indexOf(secret);
      if (index < 0) {
        secrets.add(secret);
        index = secrets.size() - 1;
      }
      return "\"$SLIPWAY_SECRET_" + (index + 1) + "\"";
    });
    List<String> steps = new ArrayList<>();
    for (int i = 1; i <= secrets.size(); i++) {
      steps.add("IFS= read -r SLIPWAY_SECRET_" + i);
    }
    // Secret variables come from stdin too, after the secret arguments: never in the text, so never in ps.
    for (Map.Entry<String, Secret> e : context.secretEnv().entrySet()) {
      steps.add("IFS= read -r " + e.getKey() + " && export " + e.getKey());
      secrets.add(e.getValue());
    }
    context.directory().ifPresent(dir -> steps.add("cd " + Quoting.quote(dir)));
    if (!context.env().isEmpty()) {
      StringBuilder export = new StringBuilder("export");
      for (Map.Entry<String, String> e : context.env().entrySet()) {
        export.append(' ').append(e.getKey()).append('=').append(Quoting.quote(e.getValue()));
      }
      steps.add(export.toString());
    }
    steps.addAll(context.prefixes());
    String script = steps.isEmpty() ? body : String.join(" && ", steps) + " && {\n" + body + "\n}";
    Optional<Sudo> sudo = context.user().map(user -> new Sudo(user, sudoWithPassword, script));
    return new Rendered(sudo.map(Sudo::commandLine).orElse(script), secretLines(secrets), secrets, sudo);
  }

  private static byte[] secretLines(List<Secret> secrets) {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (Secret secret : secrets) {
      if (secret.reveal().indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a secret passed as a command argument cannot hold a newline");
      }
      lines.writeBytes((secret.reveal() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return lines.toByteArray();
  }

  /**
   * A rendered command.
   *
   * @param script the whole shell text, sudo included; holds no secret
   * @param stdin the lines to send before the command's own standard input (the secrets)
   * @param secrets the secrets, so that output and errors can be masked
   * @param sudo how the command goes through sudo, if it does
   */
  public record Rendered(String script, byte[] stdin, List<Secret> secrets, Optional<Sudo> sudo) {}
}
