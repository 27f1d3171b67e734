package dev.slipway.structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The import graph between Slipway's packages in a source tree, and its cycles: the groups of
 * packages that import each other, directly or through others (Tarjan's strongly connected
 * components). A package and its {@code internal} package may import each other; nothing else may.
 */
public final class PackageCycles {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package (dev\\.slipway[\\w.]*);");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?(dev\\.slipway[\\w.]*?)\\.[A-Z]");

  private final Map<String, Set<String>> imports = new TreeMap<>();

  private PackageCycles() {}

  /** The graph of the Java sources under {@code sourceRoots}. */
  public static PackageCycles of(Path... sourceRoots) {
    PackageCycles graph = new PackageCycles();
    for (Path root : sourceRoots) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(file -> file.toString().endsWith(".java")).forEach(graph::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return graph;
  }

  /** The cycles other than a package with its own {@code internal} package, each as its sorted packages. */
  public List<Set<String>> forbidden() {
    return components().stream().filter(group -> group.size() > 1).filter(group -> !internalPair(group)).toList();
  }

  /** The packages seen. */
  public Set<String> packages() {
    return imports.keySet();
  }

  private void add(Path file) {
    try {
      String source = Files.readString(file);
      Matcher declared = PACKAGE.matcher(source);
      if (declared.find()) {
        Set<String> used = imports.computeIfAbsent(declared.group(1), name -> new TreeSet<>());
        IMPORT.matcher(source).results().map(match -> match.group(1))
            .filter(name -> !name.equals(declared.group(1))).forEach(used::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean internalPair(Set<String> group) {
    List<String> names = new ArrayList<>(group);
    return names.size() == 2 && names.get(1).equals(names.get(0) + ".internal");
  }

  private List<Set<String>> components() {
    Tarjan tarjan = new Tarjan();
    imports.keySet().forEach(name -> {
      if (!tarjan.index.containsKey(name)) {
        tarjan.visit(name);
      }
    });
    return tarjan.components;
  }

  private final class Tarjan {
    final Map<String, Integer> index = new HashMap<>();
    final Map<String, Integer> low = new HashMap<>();
    final Deque<String> stack = new ArrayDeque<>();
    final List<Set<String>> components = new ArrayList<>();

    void visit(String name) {
      index.put(name, index.size());
      low.put(name, index.get(name));
      stack.push(name);
      for (String next : imports.getOrDefault(name, Set.of())) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(name, Math.min(low.get(name), low.get(next)));
        } else if (stack.contains(next)) {
          low.put(name, Math.min(low.get(name), index.get(next)));
        }
      }
      if (low.get(name).equals(index.get(name))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.pop();
          component.add(member);
        } while (!member.equals(name));
        components.add(component);
      }
    }
  }
}
