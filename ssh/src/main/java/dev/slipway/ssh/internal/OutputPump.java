package dev.slipway.ssh.internal;

import dev.slipway.spi.internal.ShellRenderer;
import dev.slipway.spi.ExecRequest.OutputSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Reads one output stream of a channel to its end: keeps every byte, hands each complete line to
 * the sink, and (when a sudo dialogue is watched) removes sudo's prompt and the started marker.
 */
final class OutputPump implements Callable<byte[]> {
  private static final byte[] PROMPT = ShellRenderer.SUDO_PROMPT.getBytes(StandardCharsets.UTF_8);

  private final InputStream in;
  private final boolean stderr;
  private final OutputSink sink;
  private final SudoDialogue sudo;
  private final ByteArrayOutputStream all = new ByteArrayOutputStream();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private boolean afterPrompt;

  /** {@code sudo} is null when no sudo dialogue is expected. */
  OutputPump(InputStream in, boolean stderr, OutputSink sink, SudoDialogue sudo) {
    this.in = in;
    this.stderr = stderr;
    this.sink = sink;
    this.sudo = sudo;
  }

  @Override
  public byte[] call() throws IOException {
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      for (int i = 0; i < n; i++) {
        accept(buffer[i]);
      }
      if (sudo != null) {
        stripPrompt();
      }
    }
    if (line.size() > 0) {
      endLine(false);
    }
    return all.toByteArray();
  }

  // sudo ends the line of its prompt once the password is read: "\n", or "\r\n" on a terminal.
  private void accept(byte b) {
    if (afterPrompt && line.size() == 0 && (b == '\r' || b == '\n')) {
      afterPrompt = b == '\r';
      return;
    }
    afterPrompt = false;
    line.write(b);
    if (b == '\n') {
      endLine(true);
    }
  }

  private void endLine(boolean terminated) {
    byte[] bytes = line.toByteArray();
    line.reset();
    String text = new String(bytes, 0, bytes.length - (terminated ? 1 : 0), StandardCharsets.UTF_8);
    text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    if (sudo != null && text.equals(SudoDialogue.STARTED_MARKER)) {
      sudo.started();
      return;
    }
    all.writeBytes(bytes);
    sink.line(stderr, text);
  }

  // sudo prints its prompt without a newline and then waits: look for it in the unfinished line.
  private void stripPrompt() {
    byte[] pending = line.toByteArray();
    int at = indexOf(pending, PROMPT);
    if (at < 0) {
      return;
    }
    line.reset();
    line.write(pending, 0, at);
    line.write(pending, at + PROMPT.length, pending.length - at - PROMPT.length);
    afterPrompt = line.size() == 0;
    sudo.prompted();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
