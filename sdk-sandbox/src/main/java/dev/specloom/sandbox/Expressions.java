package dev.specloom.sandbox;

import dev.specloom.model.simulator.Expression;
import dev.specloom.model.simulator.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the parsed expressions and templates of a descriptor (spec-model {@link Expression}, {@link Template}).
 * Numbers (and request values that spell one) compare as numbers, anything else as text, and a comparison with an
 * unset side is false (so a refusal guard never fires on an absent value). Every alternative of {@code a | b} is
 * evaluated, so the ids a template draws do not depend on which alternative is set.
 */
final class Expressions {
  /** What an expression can see. */
  interface Scope {
    Object request();

    Object record();

    long now();

    Object lookup(String resource, String id);

    String uuid(String prefix);
  }

  private Expressions() {}

  /** A fresh value of the template, every expression replaced by its value. */
  static Object eval(Template template, Scope scope) {
    // Java 17 has no switch over types; the chain covers every Template in the order the sealed list names them.
    if (template instanceof Template.Fixed f) return f.value();
    if (template instanceof Template.Whole w) return value(w.expression(), scope);
    if (template instanceof Template.Text t) {
      StringBuilder b = new StringBuilder();
      for (Object part : t.parts()) b.append(part instanceof Expression e ? Values.text(value(e, scope)) : part);
      return b.toString();
    }
    if (template instanceof Template.Obj o) {
      Map<String, Object> out = new LinkedHashMap<>();
      o.fields().forEach((k, v) -> out.put(k, eval(v, scope)));
      return out;
    }
    List<Object> out = new ArrayList<>();
    ((Template.Arr) template).items().forEach(x -> out.add(eval(x, scope)));
    return out;
  }

  /** True when the expression's value is boolean true (a guard's condition holds). */
  static boolean holds(Expression e, Scope scope) {
    return Values.asBoolean(value(e, scope));
  }

  static Object value(Expression expression, Scope scope) {
    if (expression instanceof Expression.Literal l) return l.value();
    if (expression instanceof Expression.Now) return scope.now();
    if (expression instanceof Expression.Path p) {
      return Values.at(p.root() == Expression.Root.REQUEST ? scope.request() : scope.record(), p.steps());
    }
    if (expression instanceof Expression.Lookup l) {
      Object id = value(l.id(), scope);
      return Values.isSet(id) ? Values.at(scope.lookup(l.resource(), Values.text(id)), l.steps()) : null;
    }
    if (expression instanceof Expression.Call c) {
      return call(c, value(c.argument(), scope), c.second() == null ? null : value(c.second(), scope), scope);
    }
    if (expression instanceof Expression.Plus p) return plus(value(p.left(), scope), value(p.right(), scope));
    if (expression instanceof Expression.FirstSet f) {
      Object result = null;
      for (Expression alternative : f.alternatives()) {
        Object next = value(alternative, scope);
        if (!Values.isSet(result)) result = next;
      }
      return result;
    }
    Expression.Comparison c = (Expression.Comparison) expression;
    return compare(value(c.left(), scope), c.operator(), value(c.right(), scope));
  }

  private static Object plus(Object left, Object right) {
    if (Values.isNumber(left) && Values.isNumber(right)) {
      return left instanceof Long a && right instanceof Long b ? (Object) (a + b)
          : (Object) (((Number) left).doubleValue() + ((Number) right).doubleValue());
    }
    return Values.text(left) + Values.text(right);
  }

  private static boolean compare(Object a, Expression.Operator op, Object b) {
    if (!Values.isSet(a) || !Values.isSet(b)) return false;
    Double x = number(a);
    Double y = number(b);
    return op.test(x != null && y != null ? Double.compare(x, y) : Values.text(a).compareTo(Values.text(b)));
  }

  /** A number, or the number a form-encoded request value spells; null for anything else. */
  private static Double number(Object n) {
    if (n instanceof Number x) return x.doubleValue();
    if (n instanceof String s && s.matches("-?\\d+(\\.\\d+)?")) return Double.parseDouble(s);
    return null;
  }

  private static Object call(Expression.Call c, Object arg, Object second, Scope scope) {
    return switch (c.function()) {
      case DAYS -> Values.isSet(arg) ? Values.asLong(arg) * 86_400 : 0L;
      case COUNT -> arg instanceof List<?> l ? (long) l.size() : 0L;
      case LIST -> Values.isSet(arg) ? new ArrayList<>(List.of(arg)) : new ArrayList<>();
      case ISO -> Instant.ofEpochSecond(Values.asLong(arg)).toString();
      case UUID -> scope.uuid(Values.text(arg));
      case LOWER -> Values.isSet(arg) ? Values.text(arg).toLowerCase(Locale.ROOT) : arg;
      case HAS -> Values.isSet(arg);
      case NOT -> !Values.asBoolean(arg);
      case SUM -> {
        long total = 0;
        for (Object item : items(arg)) total += Values.asLong(Values.get(item, Values.text(second)));
        yield total;
      }
    };
  }

  /** What iterating a value visits: a list's elements, an object's values. */
  private static Iterable<?> items(Object v) {
    if (v instanceof List<?> l) return l;
    if (v instanceof Map<?, ?> m) return m.values();
    return List.of();
  }
}
