package dev.slipway.ssh.internal;

import java.util.concurrent.TimeUnit;

/**
 * What sudo has said so far during one command: how often it asked for the password, and whether
 * it let the command start. The output readers report; the stdin writer waits.
 */
final class SudoDialogue {
  /** Printed by the command's shell once sudo let it start (stripped from the output). */
  static final String STARTED_MARKER = "[slipway-sudo-ok]";

  private int prompts;
  private boolean started;
  private boolean ended;

  synchronized void prompted() {
    prompts++;
    notifyAll();
  }

  synchronized void started() {
    started = true;
    notifyAll();
  }

  synchronized void ended() {
    ended = true;
    notifyAll();
  }

  /** Waits until sudo asked {@code count} times for the password, let the command start, or the channel ended. */
  synchronized void awaitPromptOrStart(int count) throws InterruptedException {
    while (prompts < count && !started && !ended) {
      wait(TimeUnit.SECONDS.toMillis(1));
    }
  }

  synchronized boolean hasPrompted(int count) {
    return prompts >= count;
  }

  synchronized boolean hasStarted() {
    return started;
  }

  /** sudo asked again after the password was sent: it rejected it. */
  synchronized boolean rejected() {
    return prompts >= 2 && !started;
  }
}
