package dev.specloom.model.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The recursive-descent parser behind {@link Expression#parse}; messages quote the whole expression. */
final class ExpressionParser {
  private final String s;
  private int pos;

  ExpressionParser(String s) {
    this.s = s;
  }

  Expression parse() {
    Expression left = alternatives();
    skip();
    Expression.Operator op = operator();
    if (op != null) {
      pos += op.symbol.length();
      left = new Expression.Comparison(left, op, alternatives());
    }
    skip();
    if (pos < s.length()) throw error("unexpected '" + s.substring(pos) + "'");
    return left;
  }

  private Expression.Operator operator() {
    for (Expression.Operator op : Expression.Operator.values()) {
      if (s.startsWith(op.symbol, pos)) return op;
    }
    return null;
  }

  private Expression alternatives() {
    List<Expression> all = new ArrayList<>(List.of(sum()));
    while (peek('|')) {
      pos++;
      all.add(sum());
    }
    return all.size() == 1 ? all.get(0) : new Expression.FirstSet(List.copyOf(all));
  }

  private Expression sum() {
    Expression left = term();
    while (peek('+')) {
      pos++;
      left = new Expression.Plus(left, term());
    }
    return left;
  }

  private Expression term() {
    skip();
    if (peek('\'')) {
      int end = s.indexOf('\'', pos + 1);
      if (end < 0) throw error("unclosed quote");
      String t = s.substring(pos + 1, end);
      pos = end + 1;
      return new Expression.Literal(t);
    }
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_.-".indexOf(s.charAt(pos)) >= 0)) pos++;
    String word = s.substring(start, pos);
    if (word.matches("-?\\d+")) return new Expression.Literal(Long.parseLong(word));
    if (word.matches("-?\\d+\\.\\d+")) return new Expression.Literal(Double.parseDouble(word));
    if (peek('(')) return call(word, start);
    if (peek('[')) {
      pos++;
      Expression id = sum();
      expect(']');
      String path = "";
      if (peek('.')) {
        int p = ++pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_.".indexOf(s.charAt(pos)) >= 0)) pos++;
        path = s.substring(p, pos);
      }
      return new Expression.Lookup(word, id, steps(path));
    }
    String head = word.contains(".") ? word.substring(0, word.indexOf('.')) : word;
    String rest = word.contains(".") ? word.substring(word.indexOf('.') + 1) : "";
    return switch (head) {
      case "now" -> new Expression.Now();
      case "true", "false" -> new Expression.Literal(head.equals("true"));
      case "request" -> new Expression.Path(Expression.Root.REQUEST, steps(rest));
      case "record" -> new Expression.Path(Expression.Root.RECORD, steps(rest));
      default -> throw error("unknown name '" + word + "'", start);
    };
  }

  private Expression call(String name, int start) {
    Expression.Function function = Arrays.stream(Expression.Function.values())
        .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(name)).findFirst()
        .orElseThrow(() -> error("unknown function '" + name + "'", start));
    pos++;
    Expression arg = sum();
    Expression second = null;
    if (peek(',')) {
      pos++;
      second = sum();
    }
    expect(')');
    return new Expression.Call(function, arg, second);
  }

  /** The steps of a dot path, as the simulator follows them ({@code a.0.b}); none for the root itself. */
  private static List<String> steps(String dotPath) {
    return dotPath.isEmpty() ? List.of() : List.of(dotPath.split("\\."));
  }

  private boolean peek(char c) {
    skip();
    return pos < s.length() && s.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) throw error("expected '" + c + "'");
    pos++;
  }

  private void skip() {
    while (pos < s.length() && s.charAt(pos) == ' ') pos++;
  }

  private ExpressionException error(String what) {
    return error(what, pos);
  }

  private ExpressionException error(String what, int at) {
    return new ExpressionException(what + " in ${" + s + "}", at);
  }
}
