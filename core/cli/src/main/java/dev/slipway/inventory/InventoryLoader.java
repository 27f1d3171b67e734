package dev.slipway.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads the files of an Ansible inventory: the inventory file (or every inventory file
 * of a directory), then {@code group_vars/} and {@code host_vars/} beside it and in the playbook
 * directory. A vars entry is {@code NAME}, {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json}
 * or a directory {@code NAME/} whose YAML files are read in name order.
 */
final class InventoryLoader {
  private static final Logger log = LoggerFactory.getLogger(InventoryLoader.class);
  private static final List<String> YAML = List.of(".yml", ".yaml", ".json");

  private final Path base;

  private InventoryLoader(Path base) {
    this.base = base;
  }

  static Inventory load(Path inventory, Optional<Path> playbookDir) {
    Path source = inventory.toAbsolutePath().normalize();
    if (!Files.exists(source)) {
      throw new InventoryException("inventory " + inventory + " does not exist");
    }
    Path inventoryDir = Files.isDirectory(source) ? source : source.getParent();
    Optional<Path> playbook = playbookDir.map(p -> p.toAbsolutePath().normalize());
    InventoryLoader loader = new InventoryLoader(playbook.orElse(inventoryDir));
    InventoryBuilder builder = new InventoryBuilder().describedAs(loader.display(source));
    loader.inventoryFiles(source).forEach(file -> loader.parse(file, builder));
    Set<Path> varsDirs = new LinkedHashSet<>(List.of(inventoryDir));
    playbook.ifPresent(varsDirs::add);
    for (Path dir : varsDirs) {
      loader.varsFiles(dir.resolve("group_vars"), builder::hasGroup, (group, layer) -> builder.addGroupLayer(group, layer.ownedBy("group " + group)));
      loader.varsFiles(dir.resolve("host_vars"), builder::hasHost, (host, layer) -> builder.addHostLayer(host, layer.ownedBy("host " + host)));
    }
    Inventory built = builder.build();
    log.debug("read {}", built);
    return built;
  }

  private List<Path> inventoryFiles(Path source) {
    if (!Files.isDirectory(source)) {
      return List.of(source);
    }
    List<Path> files = sortedEntries(source).stream()
        .filter(Files::isRegularFile)
        .filter(p -> !p.getFileName().toString().startsWith("."))
        .filter(p -> hasNoExtension(p) || p.getFileName().toString().endsWith(".ini") || isYaml(p))
        .toList();
    if (files.isEmpty()) {
      throw new InventoryException("no inventory file in " + source + " (looked for *.ini, *.yml, *.yaml, *.json and files"
          + " without extension)" + (Files.isDirectory(source.resolve("inventory")) ? "; did you mean " + source.resolve("inventory") + "?" : ""));
    }
    return files;
  }

  private void parse(Path file, InventoryBuilder builder) {
    String display = display(file);
    if (isYaml(file)) {
      YamlInventoryParser.parse(file, display, builder);
      return;
    }
    try {
      IniInventoryParser.parse(Files.readAllLines(file, StandardCharsets.UTF_8), display, builder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read inventory " + file, e);
    }
  }

  private void varsFiles(Path dir, Predicate<String> known, BiConsumer<String, Layer> add) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    for (Path entry : sortedEntries(dir)) {
      String name = stripYamlExtension(entry.getFileName().toString());
      if (name.startsWith(".") || !(Files.isDirectory(entry) || hasNoExtension(entry) || isYaml(entry))) {
        continue;
      }
      if (!known.test(name)) {
        log.warn("{} matches no {} of the inventory; it is not used", display(entry), dir.getFileName().toString().replace("_vars", ""));
        continue;
      }
      for (Path file : Files.isDirectory(entry) ? sortedEntries(entry).stream().filter(this::isYaml).toList() : List.of(entry)) {
        String display = display(file);
        add.accept(name, new Layer(name, display, YamlFiles.settings(YamlFiles.compose(file, display), display)));
      }
    }
  }

  private boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return YAML.stream().anyMatch(name::endsWith);
  }

  private static boolean hasNoExtension(Path file) {
    return !file.getFileName().toString().contains(".");
  }

  private static String stripYamlExtension(String name) {
    for (String extension : YAML) {
      if (name.endsWith(extension)) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name;
  }

  /** {@code file} relative to the base directory, as shown in origins and messages. */
  private String display(Path file) {
    return file.startsWith(base) && !file.equals(base) ? base.relativize(file).toString() : file.toString();
  }

  private static List<Path> sortedEntries(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> sorted = new ArrayList<>(entries.toList());
      sorted.sort(null);
      return sorted;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
