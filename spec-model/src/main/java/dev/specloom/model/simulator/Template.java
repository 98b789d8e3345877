package dev.specloom.model.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of the {@code sandbox:} section (a default, a {@code set}, an answer) with its {@code ${...}} expressions
 * parsed: a string that is one expression takes the expression's value, expressions inside a longer string are
 * replaced by their text, and objects and lists are templates element by element.
 */
public sealed interface Template {
  Pattern WHOLE = Pattern.compile("^\\$\\{([^}]*)}$");
  Pattern EMBEDDED = Pattern.compile("\\$\\{([^}]*)}");

  /** A value with no expression in it: a string, number, boolean or null. */
  record Fixed(Object value) implements Template {}

  /** A string that is one expression: the expression's value, of whatever type. */
  record Whole(Expression expression) implements Template {}

  /** A string with expressions inside: {@code parts} are strings and expressions, joined as text. */
  record Text(List<Object> parts) implements Template {}

  record Obj(Map<String, Template> fields) implements Template {}

  record Arr(List<Template> items) implements Template {}

  /**
   * The template of a plain JSON tree (maps, lists, strings, numbers, booleans, null).
   *
   * @throws ExpressionException for the first expression that does not parse
   */
  static Template of(Object tree) {
    if (tree instanceof Map<?, ?> m) {
      Map<String, Template> fields = new LinkedHashMap<>();
      m.forEach((k, v) -> fields.put((String) k, of(v)));
      return new Obj(Collections.unmodifiableMap(fields));
    }
    if (tree instanceof List<?> l) return new Arr(l.stream().map(Template::of).toList());
    if (!(tree instanceof String text) || !text.contains("${")) return new Fixed(tree);
    Matcher whole = WHOLE.matcher(text);
    if (whole.matches()) return new Whole(Expression.parse(whole.group(1)));
    List<Object> parts = new ArrayList<>();
    Matcher m = EMBEDDED.matcher(text);
    int last = 0;
    while (m.find()) {
      parts.add(text.substring(last, m.start()));
      parts.add(Expression.parse(m.group(1)));
      last = m.end();
    }
    if (last == 0) return new Fixed(text);
    parts.add(text.substring(last));
    return new Text(List.copyOf(parts));
  }
}
