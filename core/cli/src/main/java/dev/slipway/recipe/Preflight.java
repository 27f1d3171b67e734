package dev.slipway.recipe;

import dev.slipway.Command;
import dev.slipway.CommandResult;
import dev.slipway.Host;
import dev.slipway.release.Releases;
import dev.slipway.release.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pre-flight checks of {@code check} (Capistrano's {@code deploy:check} and more), which change
 * nothing: the ref resolves; each host answers (connection and host key); {@code deployTo} or its
 * nearest existing parent is a writable directory, and {@code mv -T} works; there is free space for
 * one more release the size of the live one; the programs the parts need are there; no deploy holds
 * the lock.
 */
final class Preflight {
  // Prints "<free KiB> <KiB of the live release>" for the nearest existing directory of $1.
  private static final String SPACE = "d=$1; while [ ! -e \"$d\" ]; do d=$(dirname \"$d\"); done;"
      + " free=$(df -Pk \"$d\" | awk 'NR==2 {print $4}'); used=0;"
      + " if [ -d \"$1/current/\" ]; then used=$(du -skL \"$1/current/\" 2>/dev/null | awk '{print $1}'); fi;"
      + " echo \"$free ${used:-0}\"";
  // Exits 2 when mv cannot replace a directory entry in place (mv -T, which the switch needs), else 1
  // printing the nearest existing directory of $1 when that cannot be written.
  private static final String WRITABLE = "t=$(mktemp -d 2>/dev/null) && mkdir \"$t/a\" && { mv -Tf \"$t/a\" \"$t/b\""
      + " 2>/dev/null; moved=$?; rm -rf \"$t\"; [ $moved = 0 ] || exit 2; };"
      + " d=$1; while [ ! -e \"$d\" ]; do d=$(dirname \"$d\"); done;"
      + " if [ -d \"$d\" ] && [ -w \"$d\" ]; then exit 0; fi; echo \"$d\"; exit 1";

  private final Recipe recipe;
  private final Releases releases;

  Preflight(Recipe recipe, Releases releases) {
    this.recipe = recipe;
    this.releases = releases;
  }

  /** The problem with the ref, if it does not resolve. */
  Optional<Problem> ref(Optional<String> ref) {
    String wanted = ref.orElse(recipe.defaultRef);
    try {
      Source source = recipe.source(ref);
      source.resolve();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(new Problem("source", "ref", "ref " + wanted + " cannot be deployed: " + firstLine(e)));
    }
  }

  /** What would stop a deploy on {@code host}; empty when nothing would. */
  List<Problem> host(Host host) {
    List<Problem> problems = new ArrayList<>();
    try {
      host.execute(Command.shell("true").withTimeout(java.time.Duration.ofSeconds(30)));
    } catch (RuntimeException e) {
      problems.add(new Problem(host.name(), "connection", "cannot run a command: " + firstLine(e)));
      return problems;
    }
    writable(host).ifPresent(problems::add);
    space(host).ifPresent(problems::add);
    for (String program : recipe.allRequiredCommands()) {
      if (!host.test(Command.cmd("sh", "-c", "command -v \"$1\" >/dev/null", "slipway-check", program))) {
        problems.add(new Problem(host.name(), "command", program + " is not installed (needed to deploy)"));
      }
    }
    releases.lockHolder(host).ifPresent(holder -> problems.add(new Problem(host.name(), "lock", "locked by "
        + holder.describe() + (holder.stale() ? "; its holder is gone: unlock breaks it" : ""))));
    return problems;
  }

  private Optional<Problem> writable(Host host) {
    CommandResult result = host.execute(Command.cmd("sh", "-c", WRITABLE, "slipway-check", recipe.requireDeployTo()));
    if (result.succeeded()) {
      return Optional.empty();
    }
    if (result.exitStatus() == 2) {
      return Optional.of(new Problem(host.name(), "command", "mv cannot replace a link in place (mv -T): the switch"
          + " needs GNU coreutils' or BusyBox's mv"));
    }
    return Optional.of(new Problem(host.name(), "deploy-to", recipe.requireDeployTo() + " cannot be written: "
        + result.stdout().strip() + " is not a writable directory"));
  }

  private Optional<Problem> space(Host host) {
    CommandResult result = host.execute(Command.cmd("sh", "-c", SPACE, "slipway-check", recipe.requireDeployTo()));
    String[] numbers = result.stdout().strip().split("\\s+");
    if (!result.succeeded() || numbers.length != 2 || !numbers[0].matches("\\d+") || !numbers[1].matches("\\d+")) {
      return Optional.empty();
    }
    long free = Long.parseLong(numbers[0]);
    long needed = Long.parseLong(numbers[1]);
    if (free > needed) {
      return Optional.empty();
    }
    return Optional.of(new Problem(host.name(), "disk", "only " + free + " KiB free under " + recipe.requireDeployTo()
        + ", the live release takes " + needed + " KiB"));
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(message);
  }
}
