package dev.slipway.spi;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The user's terminal as an {@link InteractiveLogin} sees it: already in raw mode, so every key
 * (Ctrl-C included) goes to the remote shell byte for byte.
 */
public interface LoginTerminal {
  /** What {@link #read(long)} answers when no key came in time. */
  int TIMEOUT = -2;

  /** The terminal type, e.g. {@code xterm-256color}, for the remote {@code TERM}. */
  String type();

  /** The width in columns. */
  int columns();

  /** The height in rows. */
  int rows();

  /** The next byte typed; -1 at the end of input; {@link #TIMEOUT} when none came within {@code millis}. */
  int read(long millis) throws IOException;

  /** Where the remote shell's output goes. */
  OutputStream output();

  /** Calls {@code listener} whenever the window changes size; {@link #columns()} and {@link #rows()} then tell the new size. */
  void onResize(Runnable listener);
}
