package dev.slipway.release;

import static java.util.Objects.requireNonNull;

import dev.slipway.Command;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Data a release changes (a database, an SQLite file), saved before the switch so that a rollback
 * can put it back ({@link Releases#rollback(Iterable, RestoreData)}):
 *
 * <pre>{@code
 * releases.addBackup(DataBackup.file("/srv/notes/shared/notes.db"))
 *         .addBackup(DataBackup.commands("notes.sql", "pg_dump notes > {file}", "psql -q notes < {file}"));
 * }</pre>
 *
 * <p>Each backup is kept under {@code shared/backups/<release id>/} of the release whose deploy
 * took it, recorded with that release in the registry and removed with it.
 */
public final class DataBackup {
  private static final String FILE = "{file}";

  private final String name;
  private final Function<String, Command> dump;
  private final Function<String, Command> restore;

  private DataBackup(String name, Function<String, Command> dump, Function<String, Command> restore) {
    if (name.isBlank() || name.contains("/") || name.startsWith(".")) {
      throw new IllegalArgumentException("a backup's name is a plain file name, was: " + name);
    }
    this.name = name;
    this.dump = dump;
    this.restore = restore;
  }

  /**
   * A copy of the file at {@code path} (an SQLite database, say), restored byte for byte and
   * atomically; a file that did not exist when the backup was taken is removed on restore.
   */
  public static DataBackup file(String path) {
    if (!requireNonNull(path, "path").startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("a backed-up file needs an absolute path, was: " + path);
    }
    String restoring = path + ".slipway-restore";
    return new DataBackup(path.substring(path.lastIndexOf('/') + 1),
        file -> Command.format("if [ -e %s ]; then cp -p %s %s; fi", path, path, file),
        file -> Command.format("if [ -e %s ]; then cp -p %s %s && mv -f %s %s; else rm -f %s; fi",
            file, file, restoring, restoring, path, path));
  }

  /**
   * A dump and a restore command, {@code {file}} standing for the backup file (quoted by the
   * library), e.g. {@code pg_dump notes > {file}} and {@code psql -q notes < {file}}.
   */
  public static DataBackup commands(String name, String dump, String restore) {
    return new DataBackup(requireNonNull(name, "name"), filled(dump, "dump"), filled(restore, "restore"));
  }

  /** The backup file's name inside the release's backup directory. */
  public String name() {
    return name;
  }

  /** The command that saves the data into {@code directory}. */
  Command dumpInto(String directory) {
    return dump.apply(directory + "/" + name);
  }

  /** The command that puts the data saved in {@code directory} back. */
  Command restoreFrom(String directory) {
    return restore.apply(directory + "/" + name);
  }

  private static Function<String, Command> filled(String template, String which) {
    if (!requireNonNull(template, which).contains(FILE)) {
      throw new IllegalArgumentException("the " + which + " command must say where the backup is with " + FILE
          + ": " + template);
    }
    String[] pieces = template.replace("%", "%%").split(Pattern.quote(FILE), -1);
    return file -> {
      Object[] files = new Object[pieces.length - 1];
      Arrays.fill(files, file);
      return Command.format(String.join("%s", pieces), files);
    };
  }

  @Override
  public String toString() {
    return "DataBackup[" + name + "]";
  }
}
