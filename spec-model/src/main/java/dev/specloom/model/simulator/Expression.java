package dev.specloom.model.simulator;

import java.util.List;

/**
 * A parsed {@code ${...}} expression of a spec's {@code sandbox:} section. The spec loader parses every one when it
 * loads the spec (a bad one is a load error with its place), and the simulator evaluates the parsed form per request.
 *
 * <p>An expression is alternatives separated by {@code |} (the first that is set wins), each a sum of terms joined by
 * {@code +} (numbers add, anything else concatenates). Terms: numbers, {@code 'text'}, {@code true}, {@code false},
 * {@code now} (epoch seconds), paths {@code request.a.0.b} and {@code record.a}, a lookup {@code resource[expr].path},
 * and the functions of {@link Function}. A whole expression may compare two such alternatives with
 * {@code == != < <= > >=}.
 */
public sealed interface Expression {
  /** Parses {@code source} (the text between {@code ${} and {@code }}, or a bare condition). */
  static Expression parse(String source) {
    return new ExpressionParser(source).parse();
  }

  /** A number (Long or Double), a text, or a boolean. */
  record Literal(Object value) implements Expression {}

  /** The current time in epoch seconds. */
  record Now() implements Expression {}

  /** A path under the request or the record; {@code steps} are object keys or list indexes. */
  record Path(Root root, List<String> steps) implements Expression {}

  enum Root { REQUEST, RECORD }

  /** {@code resource[id].steps}: a field of another stored record (not found when there is none). */
  record Lookup(String resource, Expression id, List<String> steps) implements Expression {}

  /** A function call; {@code second} is null for the one-argument functions. */
  record Call(Function function, Expression argument, Expression second) implements Expression {}

  /** The functions an expression may call, by their lower-case names. */
  enum Function {
    /** {@code days(n)}: n days in seconds. */
    DAYS,
    /** {@code count(list)}: its length. */
    COUNT,
    /** {@code list(x)}: a list of x, empty when x is unset. */
    LIST,
    /** {@code iso(seconds)}: an ISO-8601 instant. */
    ISO,
    /** {@code uuid('prefix')}: a fresh random UUID after the prefix. */
    UUID,
    /** {@code lower(text)}: lower case; unset stays unset. */
    LOWER,
    /** {@code has(x)}: whether x is set. */
    HAS,
    /** {@code not(x)}: whether x is not boolean true. */
    NOT,
    /** {@code sum(list, 'field')}: the total of a field over a list. */
    SUM
  }

  /** {@code left + right}: numbers add, anything else concatenates as text. */
  record Plus(Expression left, Expression right) implements Expression {}

  /** {@code a | b | ...}: the first alternative that is set. */
  record FirstSet(List<Expression> alternatives) implements Expression {}

  /** A comparison; one with an unset side is false. */
  record Comparison(Expression left, Operator operator, Expression right) implements Expression {}

  enum Operator {
    EQ("=="), NE("!="), LE("<="), GE(">="), LT("<"), GT(">");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The outcome for a comparison result {@code c} (negative, zero or positive). */
    public boolean test(int c) {
      return switch (this) {
        case EQ -> c == 0;
        case NE -> c != 0;
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
      };
    }
  }
}
