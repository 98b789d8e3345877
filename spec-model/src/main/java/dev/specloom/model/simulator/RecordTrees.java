package dev.specloom.model.simulator;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Model records as plain JSON trees (maps, lists, strings, numbers, booleans) and back, so the descriptor the
 * generator writes and the simulator reads are the same records and either side may use its own JSON library.
 * Components travel under snake_case names; an empty {@code Optional} is left out; an enum is its lower-case name; a
 * record of a sealed interface carries its snake_case simple name under {@code "kind"}; an {@code Object} component
 * is a JSON tree already.
 */
public final class RecordTrees {
  private static final String KIND = "kind";

  private RecordTrees() {}

  public static Object toTree(Object value) {
    if (value instanceof Optional<?> o) return o.map(RecordTrees::toTree).orElse(null);
    if (value instanceof Enum<?> e) return e.name().toLowerCase(Locale.ROOT);
    if (value instanceof List<?> l) return l.stream().map(RecordTrees::toTree).toList();
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, toTree(v)));
      return out;
    }
    if (value instanceof Record r) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (Arrays.stream(r.getClass().getInterfaces()).anyMatch(Class::isSealed)) {
        out.put(KIND, snake(r.getClass().getSimpleName()));
      }
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object v = toTree(get(c, r));
        if (v != null) out.put(snake(c.getName()), v);
      }
      return out;
    }
    return value;
  }

  /** The value of {@code type} that {@code tree} (as {@link #toTree} writes it) stands for. */
  @SuppressWarnings("unchecked")
  public static <T> T fromTree(Object tree, Class<T> type) {
    return (T) read(tree, type);
  }

  private static Object read(Object tree, Type type) {
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type arg = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
      if (raw == Optional.class) return Optional.ofNullable(tree == null ? null : read(tree, arg));
      if (raw == List.class) {
        List<Object> out = new ArrayList<>();
        if (tree != null) for (Object x : (List<?>) tree) out.add(read(x, arg));
        return Collections.unmodifiableList(out);
      }
      if (raw == Map.class) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (tree != null) ((Map<?, ?>) tree).forEach((k, v) -> out.put((String) k, read(v, arg)));
        return Collections.unmodifiableMap(out);
      }
      throw new IllegalArgumentException("no tree form for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (tree == null || c == Object.class || c == String.class) return tree;
    if (c == int.class || c == Integer.class) return ((Number) tree).intValue();
    if (c == long.class || c == Long.class) return ((Number) tree).longValue();
    if (c == boolean.class || c == Boolean.class) return tree;
    if (c.isEnum()) return enumConstant(c, (String) tree);
    Map<?, ?> map = (Map<?, ?>) tree;
    if (c.isSealed()) {
      String kind = (String) map.get(KIND);
      return read(tree, Arrays.stream(c.getPermittedSubclasses()).filter(s -> snake(s.getSimpleName()).equals(kind))
          .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + c.getSimpleName() + " of kind '" + kind + "'")));
    }
    RecordComponent[] components = c.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      Object v = map.get(snake(components[i].getName()));
      args[i] = v == null && components[i].getType().isPrimitive() ? absent(components[i].getType())
          : read(v, components[i].getGenericType());
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> k = c.getDeclaredConstructor(types);
      k.setAccessible(true);
      return k.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(c.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A missing key of a primitive component: false or 0 (a missing key of any other type reads as null does). */
  private static Object absent(Class<?> type) {
    if (type == boolean.class) return false;
    return type == long.class ? (Object) 0L : (Object) 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> c, String name) {
    return Enum.valueOf((Class) c, name.toUpperCase(Locale.ROOT));
  }

  private static Object get(RecordComponent c, Record r) {
    try {
      Method accessor = c.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code idPrefix} → {@code id_prefix}, {@code CursorToken} → {@code cursor_token}. */
  static String snake(String camel) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch) && i > 0) b.append('_');
      b.append(Character.toLowerCase(ch));
    }
    return b.toString();
  }
}
