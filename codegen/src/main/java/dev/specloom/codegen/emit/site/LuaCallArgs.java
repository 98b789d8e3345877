package dev.specloom.codegen.emit.site;

import dev.specloom.model.Function;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The argument table of a function's first Lua example, read as data, so the Java and HTTP tabs show the same
 * call. Only literal tables are read (strings, numbers, booleans, nested tables); values are String, Long,
 * Double, Boolean, List or Map in the order written.
 */
final class LuaCallArgs {
  private final String text;
  private int at;

  private LuaCallArgs(String text, int at) {
    this.text = text;
    this.at = at;
  }

  /** The arguments of the example's first call of {@code f} (by name or alias), or empty when it has none to read. */
  static Optional<Map<String, Object>> of(String provider, Function f) {
    if (f.examples().isEmpty()) return Optional.empty();
    List<String> names = new ArrayList<>(f.aliases());
    names.add(0, f.name());
    String lua = f.examples().get(0).lua();
    Matcher m = Pattern.compile("app\\.integrations\\." + Pattern.quote(provider) + "\\.("
        + String.join("|", names.stream().map(Pattern::quote).toList()) + ")\\s*\\(").matcher(lua);
    if (!m.find()) return Optional.empty();
    LuaCallArgs p = new LuaCallArgs(lua, m.end());
    p.skip();
    if (p.peek() == ')') return Optional.of(Map.of());
    try {
      Object table = p.value();
      p.skip();
      if (!(table instanceof Map<?, ?>) || p.peek() != ')') return Optional.empty();
      @SuppressWarnings("unchecked")
      Map<String, Object> args = (Map<String, Object>) table;
      return Optional.of(args);
    } catch (IllegalArgumentException notLiteral) {
      return Optional.empty();
    }
  }

  private Object value() {
    skip();
    char c = peek();
    if (c == '{') return table();
    if (c == '"' || c == '\'') return string(c);
    if (text.startsWith("true", at)) return keyword("true", Boolean.TRUE);
    if (text.startsWith("false", at)) return keyword("false", Boolean.FALSE);
    Matcher n = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(text).region(at, text.length());
    if (!n.lookingAt()) throw new IllegalArgumentException("not a literal at " + at);
    at = n.end();
    return n.group(1) == null ? (Object) Long.parseLong(n.group()) : (Object) Double.parseDouble(n.group());
  }

  private Object keyword(String word, Boolean value) {
    at += word.length();
    return value;
  }

  /** A table: a Map when its entries are {@code key = value}, a List when they are bare values. */
  private Object table() {
    at++;
    Map<String, Object> map = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>();
    while (true) {
      skip();
      if (peek() == '}') {
        at++;
        return list.isEmpty() ? map : list;
      }
      Matcher key = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)").matcher(text).region(at, text.length());
      Matcher quoted = Pattern.compile("\\[\\s*\"([^\"]*)\"\\s*]\\s*=").matcher(text).region(at, text.length());
      if (key.lookingAt()) {
        at = key.end();
        map.put(key.group(1), value());
      } else if (quoted.lookingAt()) {
        at = quoted.end();
        map.put(quoted.group(1), value());
      } else {
        list.add(value());
      }
      if (!map.isEmpty() && !list.isEmpty()) throw new IllegalArgumentException("mixed table");
      skip();
      if (peek() == ',' || peek() == ';') at++;
      else if (peek() != '}') throw new IllegalArgumentException("expected , or } at " + at);
    }
  }

  private String string(char quote) {
    StringBuilder s = new StringBuilder();
    for (at++; at < text.length() && text.charAt(at) != quote; at++) {
      char c = text.charAt(at);
      if (c == '\\' && at + 1 < text.length()) {
        char e = text.charAt(++at);
        s.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> e;
        });
      } else {
        s.append(c);
      }
    }
    if (at >= text.length()) throw new IllegalArgumentException("unterminated string");
    at++;
    return s.toString();
  }

  /** Skips white space and {@code --} comments. */
  private void skip() {
    while (at < text.length()) {
      if (Character.isWhitespace(text.charAt(at))) {
        at++;
      } else if (text.startsWith("--", at)) {
        int eol = text.indexOf('\n', at);
        at = eol < 0 ? text.length() : eol;
      } else {
        return;
      }
    }
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }
}
