package dev.specloom.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A param's wire name with its bracket nesting parsed once: {@code items[0][price]} is the path
 * {@code items → 0 → price}, where {@code 0} indexes a list and {@code price} names an object's key.
 */
public record WireName(String wire, List<String> segments) {
  private static final Pattern OBJECT_PROPERTY = Pattern.compile("([^\\[\\]]+)\\[([A-Za-z_][A-Za-z0-9_]*)]");

  public WireName {
    segments = List.copyOf(segments);
  }

  /** Parses {@code a[b][0]}; a name whose brackets do not close, or with text after them, is refused. */
  public static WireName parse(String wire) {
    int open = wire.indexOf('[');
    if (open < 0) return new WireName(wire, List.of(wire));
    List<String> out = new ArrayList<>();
    out.add(wire.substring(0, open));
    int i = open;
    while (i < wire.length() && wire.charAt(i) == '[') {
      int close = wire.indexOf(']', i);
      if (close < 0) throw new IllegalArgumentException("unbalanced brackets in wire name " + wire);
      out.add(wire.substring(i + 1, close));
      i = close + 1;
    }
    if (i != wire.length()) throw new IllegalArgumentException("text after the brackets of wire name " + wire);
    return new WireName(wire, out);
  }

  /** Whether a segment indexes a list ({@code 0}) rather than naming an object's key. */
  public static boolean isIndex(String segment) {
    return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
  }

  /**
   * Puts {@code value} into the JSON-like tree {@code root} at this name's path, creating the maps and lists on the
   * way ({@code items[0][price]} → {@code {items: [{price: value}]}}): how a request's params become its body.
   */
  @SuppressWarnings("unchecked")
  public void put(Map<String, Object> root, Object value) {
    Object container = root;
    for (int i = 0; i < segments.size(); i++) {
      String seg = segments.get(i);
      boolean last = i == segments.size() - 1;
      Object next = last ? value : (isIndex(segments.get(i + 1)) ? new ArrayList<>() : new LinkedHashMap<>());
      if (container instanceof Map<?, ?> m) {
        Map<String, Object> map = (Map<String, Object>) m;
        container = last ? map.put(seg, value) : map.computeIfAbsent(seg, k -> next);
      } else {
        List<Object> list = (List<Object>) container;
        int idx = Integer.parseInt(seg);
        while (list.size() <= idx) list.add(null);
        if (last) list.set(idx, value);
        else if (list.get(idx) == null) list.set(idx, next);
        container = list.get(idx);
      }
    }
  }

  /**
   * {@code a[b]}, one level of object nesting with a named key: the key {@code b} of object {@code a}. Deeper or
   * indexed names ({@code items[0][price]}) are empty: they stay flat field names where a format cannot nest them.
   */
  public Optional<Property> objectProperty() {
    Matcher m = OBJECT_PROPERTY.matcher(wire);
    return m.matches() ? Optional.of(new Property(m.group(1), m.group(2))) : Optional.empty();
  }

  /** Key {@code key} of object {@code object}. */
  public record Property(String object, String key) {}
}
