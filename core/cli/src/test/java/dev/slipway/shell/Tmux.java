package dev.slipway.shell;

import dev.slipway.internal.Quoting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A program running in a real pseudo-terminal: a detached tmux session on a private socket, driven
 * with {@code send-keys} and read with {@code capture-pane}.
 */
public final class Tmux implements AutoCloseable {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Path socket;
  private final String session = "slipway";

  private Tmux(Path socket) {
    this.socket = socket;
  }

  public static boolean installed() {
    try {
      return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts {@code command} (a shell line) in a 120x40 terminal. */
  public static Tmux start(Path socket, String command) throws IOException, InterruptedException {
    Tmux tmux = new Tmux(socket);
    tmux.tmux("new-session", "-d", "-s", tmux.session, "-x", "120", "-y", "40", command);
    tmux.tmux("set-option", "-t", tmux.session, "remain-on-exit", "on");
    return tmux;
  }

  /**
   * Starts the {@code main} of {@code mainClass} in a new JVM on this test's class path, with
   * {@code home} as its user home (for the history file), and {@code /bin/sh} as the login shell.
   */
  public static Tmux startJava(Path home, Class<?> mainClass) throws IOException, InterruptedException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + home, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath, mainClass.getName());
    Path socket = Path.of("target").toAbsolutePath().resolve("tmux-" + ProcessHandle.current().pid());
    return start(socket, "SHELL=/bin/sh " + command.stream().map(Quoting::quote).collect(Collectors.joining(" ")));
  }

  /** Types {@code text} literally, without Enter. */
  public void type(String text) throws IOException, InterruptedException {
    tmux("send-keys", "-t", session, "-l", "--", text);
  }

  /** Presses keys by tmux name: {@code Enter}, {@code Tab}, {@code C-c}. */
  public void press(String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  /** Types a line and presses Enter. */
  public void enter(String line) throws IOException, InterruptedException {
    type(line);
    press("Enter");
  }

  /** Waits until the screen (with its scrollback) contains {@code text}; returns the screen. */
  public String waitFor(String text) throws IOException, InterruptedException {
    return waitUntil(screen -> screen.contains(text), "showed \"" + text + "\"");
  }

  /** Waits until the screen's last line ends with {@code text}, e.g. a prompt; returns the screen. */
  public String waitForEnd(String text) throws IOException, InterruptedException {
    return waitUntil(screen -> screen.endsWith(text), "ended with \"" + text + "\"");
  }

  private String waitUntil(Predicate<String> condition, String what) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    String screen = screen();
    while (!condition.test(screen)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the terminal never " + what + "; it shows:\n" + screen);
      }
      Thread.sleep(100);
      screen = screen();
    }
    return screen;
  }

  /** Writes the screen with its scrollback to {@code file}, e.g. as a transcript under {@code target/}. */
  public void saveScreen(Path file) throws IOException, InterruptedException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, screen() + "\n");
  }

  /** Everything on the screen and in its scrollback, as plain text. */
  public String screen() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", session).stripTrailing();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    tmux("kill-server");
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString(), "-f", "/dev/null"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
