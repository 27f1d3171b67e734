package dev.slipway.node;

import dev.slipway.SlipwayException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that uses reflection: when a tree is built, it finds each node class's
 * {@link Action} methods and checks its {@link Required} fields.
 */
final class NodeScanner {
  private NodeScanner() {
  }

  /** The actions of {@code node}'s class, by name, sorted by name; adds duplicates to {@code problems}. */
  static List<ActionInfo> actions(Node node, List<String> problems) {
    Map<String, ActionInfo> byName = new LinkedHashMap<>();
    Method[] methods = node.getClass().getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount));
    for (Method method : methods) {
      Action action = findAnnotation(method, Action.class);
      if (action == null || Modifier.isStatic(method.getModifiers()) || method.isBridge()) {
        continue;
      }
      ActionInfo info = describe(method, action);
      if (byName.putIfAbsent(info.name(), info) != null) {
        problems.add(node.path() + ": two actions are named '" + info.name() + "' in " + node.getClass().getName()
            + "; give one another name with @Action(name = \"...\")");
      }
    }
    return List.copyOf(byName.values());
  }

  /** A line for each {@link Required} field of {@code node} that holds no value. */
  static List<String> missingSettings(Node node) {
    List<String> problems = new ArrayList<>();
    for (Class<?> type = node.getClass(); type != Node.class && type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        Required required = field.getAnnotation(Required.class);
        if (required != null && !Requirements.isSet(read(field, node))) {
          problems.add(node.path() + ": required setting '" + field.getName() + "'"
              + (required.value().isEmpty() ? "" : " (" + required.value() + ")") + " is not set (field "
              + type.getSimpleName() + "." + field.getName() + "); assign it in a subclass or the constructor");
        }
      }
    }
    return problems;
  }

  private static ActionInfo describe(Method method, Action action) {
    String name = action.name().isEmpty() ? method.getName() : action.name();
    List<ActionParameter> parameters = Arrays.stream(method.getParameters())
        .map(p -> new ActionParameter(p.getName(), p.getType())).toList();
    boolean isolateOneOnly = findAnnotation(method, IsolateOneOnly.class) != null;
    method.setAccessible(true);
    return new ActionInfo(name, action.description(), parameters, method.getReturnType(), isolateOneOnly,
        (node, arguments) -> invoke(method, node, arguments));
  }

  private static Object invoke(Method method, Node node, Object[] arguments) {
    try {
      return method.invoke(node, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new SlipwayException("action " + method.getName() + " of " + node.path() + " failed: " + cause, cause);
    } catch (IllegalArgumentException e) {
      throw new ActionArgumentException("action " + method.getName() + " of " + node.path() + " takes "
          + Arrays.toString(method.getParameterTypes()) + ": " + e.getMessage());
    } catch (IllegalAccessException e) {
      throw new SlipwayException("cannot call action " + method.getName() + " of " + node.path()
          + ": " + e.getMessage() + "; make the method public", e);
    }
  }

  // An override without the annotation is still the action its superclass or interface declared.
  private static <A extends Annotation> A findAnnotation(Method method, Class<A> type) {
    for (Class<?> c : hierarchy(method.getDeclaringClass(), new ArrayList<>())) {
      try {
        A found = c.getDeclaredMethod(method.getName(), method.getParameterTypes()).getAnnotation(type);
        if (found != null) {
          return found;
        }
      } catch (NoSuchMethodException e) {
        // not declared at this level: look further up
      }
    }
    return null;
  }

  private static List<Class<?>> hierarchy(Class<?> type, List<Class<?>> seen) {
    if (type != null && !seen.contains(type)) {
      seen.add(type);
      hierarchy(type.getSuperclass(), seen);
      for (Class<?> implemented : type.getInterfaces()) {
        hierarchy(implemented, seen);
      }
    }
    return seen;
  }

  private static Object read(Field field, Node node) {
    try {
      field.setAccessible(true);
      return field.get(node);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new SlipwayException("cannot read required setting " + field.getName() + " of " + node.path()
          + ": " + e.getMessage(), e);
    }
  }
}
