package dev.slipway.examples.hello;

import dev.slipway.cli.Slipway;
import dev.slipway.local.LocalHost;
import java.util.List;

/**
 * The hello world tree of this machine behind the launcher ({@link Slipway#start}): without
 * arguments, on a terminal, it opens the interactive shell; {@code run /local_hello hello} says
 * hello and exits; {@code list} and {@code inspect /local_hello} show the tree.
 */
public final class HelloShell {
  private HelloShell() {
  }

  /** The launcher's command line over {@link HelloWorld#tree}: the shell, {@code run}, {@code list}, {@code inspect}. */
  public static void main(String[] args) {
    Slipway.start(HelloWorld.tree(LocalHost.create(), List.of()), args);
  }
}
