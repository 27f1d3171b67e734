package dev.slipway.console;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The console of {@link Console#nonInteractive}: plain lines to a stream, every question its default. */
final class PlainConsole extends LineConsole {
  private final PrintWriter out;

  PlainConsole(OutputStream out, boolean assumeYes) {
    super(false, assumeYes);
    this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
  }

  @Override
  protected Optional<String> readLine(String prompt, boolean secret) {
    return Optional.empty();
  }

  @Override
  protected PrintWriter writer() {
    return out;
  }

  @Override
  public boolean isAnsi() {
    return false;
  }
}
