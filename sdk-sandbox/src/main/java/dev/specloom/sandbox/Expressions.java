package dev.specloom.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the {@code ${...}} expressions of a descriptor's templates. An expression is alternatives
 * separated by {@code |} (the first that is set wins), each a sum of terms joined by {@code +} (numbers add,
 * anything else concatenates). Terms: numbers, {@code 'text'}, {@code true}, {@code false}, {@code now} (epoch
 * seconds), paths {@code request.a.0.b} and {@code record.a}, a lookup {@code resource[expr].path}, and the functions
 * {@code days(n)}, {@code count(list)}, {@code list(x)}, {@code iso(seconds)}, {@code sum(list, 'field')},
 * {@code uuid('prefix')}, {@code lower(text)}, {@code has(x)} (true when x is set) and {@code not(x)}. A whole
 * expression may compare two such alternatives with {@code == != < <= > >=}: numbers (and request values that
 * spell one) compare as numbers, anything else as text, and a comparison with an unset side is false (so a
 * refusal guard never fires on an absent value).
 */
final class Expressions {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern WHOLE = Pattern.compile("^\\$\\{([^}]*)}$");
  private static final Pattern EMBEDDED = Pattern.compile("\\$\\{([^}]*)}");

  /** What an expression can see. */
  interface Scope {
    JsonNode request();

    JsonNode record();

    long now();

    JsonNode lookup(String resource, String id);

    String uuid(String prefix);
  }

  private Expressions() {}

  /** A deep copy of {@code template} with every expression replaced by its value. */
  static JsonNode eval(JsonNode template, Scope scope) {
    if (template.isTextual()) {
      String text = template.textValue();
      Matcher whole = WHOLE.matcher(text);
      if (whole.matches()) return expression(whole.group(1), scope);
      if (!text.contains("${")) return template;
      Matcher m = EMBEDDED.matcher(text);
      StringBuilder b = new StringBuilder();
      while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(text(expression(m.group(1), scope))));
      return JSON.textNode(m.appendTail(b).toString());
    }
    if (template.isObject()) {
      ObjectNode out = JSON.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), eval(e.getValue(), scope));
      }
      return out;
    }
    if (template.isArray()) {
      ArrayNode out = JSON.arrayNode();
      template.forEach(x -> out.add(eval(x, scope)));
      return out;
    }
    return template;
  }

  static JsonNode expression(String source, Scope scope) {
    return new Parser(source, scope).comparison();
  }

  /** True when the expression's value is boolean true (a guard's condition holds). */
  static boolean holds(String source, Scope scope) {
    return expression(source, scope).asBoolean(false);
  }

  static boolean isSet(JsonNode n) {
    return n != null && !n.isMissingNode() && !n.isNull();
  }

  static String text(JsonNode n) {
    if (!isSet(n)) return "";
    return n.isValueNode() ? n.asText() : n.toString();
  }

  /** Follows a dot path (object keys, list indexes) from {@code root}; missing when any step is. */
  static JsonNode at(JsonNode root, String dotPath) {
    JsonNode cur = root;
    if (dotPath.isEmpty()) return cur;
    for (String part : dotPath.split("\\.")) {
      if (cur == null) return MissingNode.getInstance();
      cur = cur.isArray() && part.chars().allMatch(Character::isDigit) ? cur.path(Integer.parseInt(part)) : cur.path(part);
    }
    return cur;
  }

  private static final class Parser {
    private final String s;
    private final Scope scope;
    private int pos;

    Parser(String s, Scope scope) {
      this.s = s;
      this.scope = scope;
    }

    JsonNode comparison() {
      JsonNode left = alternatives();
      skip();
      String op = operator();
      if (op != null) {
        pos += op.length();
        left = JSON.booleanNode(compare(left, op, alternatives()));
      }
      skip();
      if (pos < s.length()) throw new IllegalArgumentException("unexpected '" + s.substring(pos) + "' in ${" + s + "}");
      return left;
    }

    private String operator() {
      for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
        if (s.startsWith(op, pos)) return op;
      }
      return null;
    }

    private static boolean compare(JsonNode a, String op, JsonNode b) {
      if (!isSet(a) || !isSet(b)) return false;
      Double x = number(a);
      Double y = number(b);
      int c = x != null && y != null ? Double.compare(x, y) : text(a).compareTo(text(b));
      return switch (op) {
        case "==" -> c == 0;
        case "!=" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    }

    /** A number, or the number a form-encoded request value spells; null for anything else. */
    private static Double number(JsonNode n) {
      if (n.isNumber()) return n.doubleValue();
      if (n.isTextual() && n.textValue().matches("-?\\d+(\\.\\d+)?")) return Double.parseDouble(n.textValue());
      return null;
    }

    private JsonNode alternatives() {
      JsonNode result = sum();
      while (peek('|')) {
        pos++;
        JsonNode next = sum();
        if (!isSet(result)) result = next;
      }
      return result;
    }

    private JsonNode sum() {
      JsonNode left = term();
      while (peek('+')) {
        pos++;
        JsonNode right = term();
        if (left.isNumber() && right.isNumber()) {
          left = left.isIntegralNumber() && right.isIntegralNumber() ? JSON.numberNode(left.longValue() + right.longValue())
              : JSON.numberNode(left.doubleValue() + right.doubleValue());
        } else {
          left = JSON.textNode(text(left) + text(right));
        }
      }
      return left;
    }

    private JsonNode term() {
      skip();
      if (peek('\'')) {
        int end = s.indexOf('\'', pos + 1);
        String t = s.substring(pos + 1, end);
        pos = end + 1;
        return JSON.textNode(t);
      }
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_.-".indexOf(s.charAt(pos)) >= 0)) pos++;
      String word = s.substring(start, pos);
      if (word.matches("-?\\d+")) return JSON.numberNode(Long.parseLong(word));
      if (word.matches("-?\\d+\\.\\d+")) return JSON.numberNode(Double.parseDouble(word));
      if (peek('(')) {
        pos++;
        JsonNode arg = sum();
        JsonNode second = null;
        if (peek(',')) {
          pos++;
          second = sum();
        }
        expect(')');
        return call(word, arg, second);
      }
      if (peek('[')) {
        pos++;
        JsonNode id = sum();
        expect(']');
        String path = "";
        if (peek('.')) {
          int p = ++pos;
          while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_.".indexOf(s.charAt(pos)) >= 0)) pos++;
          path = s.substring(p, pos);
        }
        return isSet(id) ? at(scope.lookup(word, text(id)), path) : MissingNode.getInstance();
      }
      String head = word.contains(".") ? word.substring(0, word.indexOf('.')) : word;
      String rest = word.contains(".") ? word.substring(word.indexOf('.') + 1) : "";
      return switch (head) {
        case "now" -> JSON.numberNode(scope.now());
        case "true", "false" -> JSON.booleanNode(head.equals("true"));
        case "request" -> at(scope.request(), rest);
        case "record" -> at(scope.record(), rest);
        default -> throw new IllegalArgumentException("unknown name '" + word + "' in ${" + s + "}");
      };
    }

    private JsonNode call(String name, JsonNode arg, JsonNode second) {
      return switch (name) {
        case "days" -> JSON.numberNode(isSet(arg) ? arg.asLong() * 86_400 : 0);
        case "count" -> JSON.numberNode(arg.isArray() ? arg.size() : 0);
        case "list" -> isSet(arg) ? JSON.arrayNode().add(arg) : JSON.arrayNode();
        case "iso" -> JSON.textNode(Instant.ofEpochSecond(arg.asLong()).toString());
        case "uuid" -> JSON.textNode(scope.uuid(text(arg)));
        case "lower" -> isSet(arg) ? JSON.textNode(text(arg).toLowerCase(Locale.ROOT)) : arg;
        case "has" -> JSON.booleanNode(isSet(arg));
        case "not" -> JSON.booleanNode(!arg.asBoolean(false));
        case "sum" -> {
          long total = 0;
          for (JsonNode item : arg) total += item.path(text(second)).asLong();
          yield JSON.numberNode(total);
        }
        default -> throw new IllegalArgumentException("unknown function '" + name + "' in ${" + s + "}");
      };
    }

    private boolean peek(char c) {
      skip();
      return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
      if (!peek(c)) throw new IllegalArgumentException("expected '" + c + "' in ${" + s + "}");
      pos++;
    }

    private void skip() {
      while (pos < s.length() && s.charAt(pos) == ' ') pos++;
    }
  }
}
