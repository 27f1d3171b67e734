package dev.slipway.examples;

import dev.slipway.cli.Slipway;
import dev.slipway.node.Node;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What one non-interactive run of the launcher ({@link Slipway#run}) over an example's tree did:
 * its exit code and what it printed.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
public record Launched(int exit, String out, String err) {

  /** Runs the command line {@code args} over {@code root} with empty input and captured output. */
  public static Launched launch(Node root, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Slipway.run(root, args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launched(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
