package dev.slipway.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Collects one output stream of a command and hands each complete line (UTF-8, without its
 * {@code \n} or {@code \r\n}) to a listener as it arrives. Written by one pump thread, read after
 * the command ended.
 */
final class LineOutput extends OutputStream {
  private final ByteArrayOutputStream all = new ByteArrayOutputStream();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final Consumer<String> lines;

  LineOutput(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    all.write(b);
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    all.write(bytes, offset, length);
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        line.write(bytes, start, i - start);
        emit();
        start = i + 1;
      }
    }
    line.write(bytes, start, offset + length - start);
  }

  /** Hands over a last line that had no line end. */
  synchronized void finish() {
    if (line.size() > 0) {
      emit();
    }
  }

  /** Everything written, decoded as UTF-8. */
  synchronized String text() {
    return all.toString(StandardCharsets.UTF_8);
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }
}
