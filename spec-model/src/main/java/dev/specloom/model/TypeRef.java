package dev.specloom.model;

/** A spec type: a scalar, a free-form object, a model reference, or a list or map of another type. */
public sealed interface TypeRef {

  enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME, TIMESTAMP, OBJECT }

  record Scalar(Kind kind) implements TypeRef {}

  record ModelRef(String name) implements TypeRef {}

  record ListOf(TypeRef element) implements TypeRef {}

  record MapOf(TypeRef value) implements TypeRef {}

  /** The spelling used in specs and docs: {@code list<Customer>}, {@code map<string>}. */
  default String spelling() {
    if (this instanceof Scalar s) return s.kind().name().toLowerCase(java.util.Locale.ROOT);
    if (this instanceof ModelRef m) return m.name();
    if (this instanceof ListOf l) return "list<" + l.element().spelling() + ">";
    return "map<" + ((MapOf) this).value().spelling() + ">";
  }

  /** Parses a spelling; returns null when it is not a type. */
  static TypeRef parse(String text) {
    String t = text.trim();
    if (t.startsWith("list<") && t.endsWith(">")) {
      TypeRef inner = parse(t.substring(5, t.length() - 1));
      return inner == null ? null : new ListOf(inner);
    }
    if (t.startsWith("map<") && t.endsWith(">")) {
      TypeRef inner = parse(t.substring(4, t.length() - 1));
      return inner == null ? null : new MapOf(inner);
    }
    for (Kind k : Kind.values()) {
      if (k.name().equalsIgnoreCase(t)) return new Scalar(k);
    }
    return t.matches("[A-Z][A-Za-z0-9]*") ? new ModelRef(t) : null;
  }
}
