package dev.slipway.examples.workshop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether this machine has what the workshop serves the app with: Debian's Flask, gunicorn and venv. */
final class PythonPackages {
  private PythonPackages() {}

  /** Skips the calling test, saying how to enable it, when the packages are missing. */
  static void assumeInstalled() {
    assumeTrue(available(), "the workshop needs Debian's python3-flask, gunicorn and python3-venv: "
        + "apt-get install -y python3-flask gunicorn python3-venv (.ci/run does)");
  }

  private static boolean available() {
    try {
      Process check = new ProcessBuilder("/usr/bin/python3", "-c", "import flask, gunicorn, ensurepip, venv")
          .redirectErrorStream(true).start();
      return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
