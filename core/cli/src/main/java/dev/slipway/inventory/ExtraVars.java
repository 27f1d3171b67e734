package dev.slipway.inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses one {@code -e} argument as {@code ansible-playbook} does: {@code key=value}, {@code @file.yml} or a YAML/JSON mapping. */
final class ExtraVars {

  private ExtraVars() {
  }

  static Map<String, Object> parse(String argument) {
    if (argument.startsWith("@")) {
      Path file = Path.of(argument.substring(1));
      if (!Files.isRegularFile(file)) {
        throw new InventoryException("-e " + argument + ": no such file " + file);
      }
      return values(YamlFiles.settings(YamlFiles.compose(file, file.toString()), file.toString()));
    }
    if (argument.strip().startsWith("{")) {
      return values(YamlFiles.settings(YamlFiles.composeText(argument, "-e"), "-e"));
    }
    int equals = argument.indexOf('=');
    if (equals <= 0) {
      // The argument itself is not echoed: it may be a secret typed without its key.
      throw new InventoryException("-e expects key=value, @file.yml or a mapping like {\"key\": 1}; got an argument without '='");
    }
    return Map.of(argument.substring(0, equals).strip(), argument.substring(equals + 1));
  }

  private static Map<String, Object> values(Map<String, Setting> settings) {
    Map<String, Object> values = new LinkedHashMap<>();
    settings.forEach((key, setting) -> values.put(key, setting.value()));
    return values;
  }
}
